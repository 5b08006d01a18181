// QSslCipher: which names Qt knows (those of the TLS backend's supported ciphers), what it reads
// from them and equality are Qt's own; lib/QSslCipher.ts checks arguments and names.
#include "ssl_cipher.h"

#include <QSsl>

namespace qtn {

namespace {

class SslCipherWrap : public ValueWrap<SslCipherWrap, QSslCipher> {
 public:
  static constexpr const char* kName = "QSslCipher";
  static constexpr napi_type_tag kTag = {0x6b0f3d2e9a71c854ULL, 0xd42a8e17c5b39f60ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = SslCipherWrap;
    using C = QSslCipher;
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&W::Get<&C::name>>(env, "name"),
                                     Bind<&W::Get<&C::protocol>>(env, "protocol"),
                                     Bind<&W::Get<&C::protocolString>>(env, "protocolString"),
                                     Bind<&W::Get<&C::keyExchangeMethod>>(env, "keyExchangeMethod"),
                                     Bind<&W::Get<&C::authenticationMethod>>(env, "authenticationMethod"),
                                     Bind<&W::Get<&C::encryptionMethod>>(env, "encryptionMethod"),
                                     Bind<&W::Get<&C::supportedBits>>(env, "supportedBits"),
                                     Bind<&W::Get<&C::usedBits>>(env, "usedBits"),
                                     Bind<&W::Get<&C::isNull>>(env, "isNull"),
                                     Bind<&W::Swap>(env, "swap"),
                                     Bind<&W::Equals>(env, "equals"),
                                 });
    m.sslCipherCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslCipher() · (other): a copy · (name) · (name, protocol).
  explicit SslCipherWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1 && !info[0].IsString()) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 1) {
      value = QSslCipher(StringArg(info, 0, kName));
    } else if (info.Length() == 2) {
      value = QSslCipher(StringArg(info, 0, kName),
                         QSsl::SslProtocol(IntArg(info, 1, QSsl::UnknownProtocol, QSsl::TlsV1_3OrLater, kName)));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslCipher: 0, 1 or 2 arguments expected");
    }
  }
};

}  // namespace

const QSslCipher* UnwrapSslCipher(Napi::Value v) { return SslCipherWrap::ValueOf(v); }

Napi::Object NewSslCipher(Napi::Env env, const QSslCipher& c) {
  return SslCipherWrap::New(Module::of(env).sslCipherCtor, c);
}

Napi::Function InitSslCipher(Napi::Env env, Module& m) { return SslCipherWrap::Init(env, m); }

}  // namespace qtn
