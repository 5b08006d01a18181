// QSslKey: decoding, encoding (with or without a passphrase) and equality are Qt's own (its OpenSSL
// backend); lib/QSslKey.ts checks arguments and names. A passphrase never reaches a message.
#include "ssl_key.h"

namespace qtn {

namespace {

// Argument i as a passphrase: bytes, or null/undefined for PyQt6's QByteArray() (none).
QByteArray PassPhraseArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  if (info[i].IsNull() || info[i].IsUndefined()) return QByteArray();
  return BytesArg(info, i, method);
}

class SslKeyWrap : public ValueWrap<SslKeyWrap, QSslKey> {
 public:
  static constexpr const char* kName = "QSslKey";
  static constexpr napi_type_tag kTag = {0xb46e0f9d12a7c358ULL, 0x5f83c1e74d096ba2ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&SslKeyWrap::Get<&QSslKey::algorithm>>(env, "algorithm"),
                                     Bind<&SslKeyWrap::Clear>(env, "clear"),
                                     Bind<&SslKeyWrap::Get<&QSslKey::isNull>>(env, "isNull"),
                                     Bind<&SslKeyWrap::Get<&QSslKey::length>>(env, "length"),
                                     Bind<&SslKeyWrap::Get<&QSslKey::type>>(env, "type"),
                                     Bind<&SslKeyWrap::ToDer>(env, "toDer"),
                                     Bind<&SslKeyWrap::ToPem>(env, "toPem"),
                                     Bind<&SslKeyWrap::Swap>(env, "swap"),
                                     Bind<&SslKeyWrap::Equals>(env, "equals"),
                                 });
    m.sslKeyCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslKey() · (other) · (encoded: bytes, algorithm, encoding, type, passPhrase: bytes|null).
  // What Qt cannot decode (or decrypt) gives the null key, as in Qt.
  explicit SslKeyWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 5) {
      value = QSslKey(BytesArg(info, 0, kName), QSsl::KeyAlgorithm(IntArg(info, 1, QSsl::Opaque, QSsl::Dh, kName)),
                      QSsl::EncodingFormat(IntArg(info, 2, QSsl::Pem, QSsl::Der, kName)),
                      QSsl::KeyType(IntArg(info, 3, QSsl::PrivateKey, QSsl::PublicKey, kName)),
                      PassPhraseArg(info, 4, kName));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslKey: 0, 1 or 5 arguments expected");
    }
  }

 private:
  Napi::Value Clear(const Napi::CallbackInfo& info) {
    value.clear();
    return info.Env().Undefined();
  }

  Napi::Value ToDer(const Napi::CallbackInfo& info) {
    return FromQByteArray(info.Env(), value.toDer(PassPhraseArg(info, 0, Method(info))));
  }

  Napi::Value ToPem(const Napi::CallbackInfo& info) {
    return FromQByteArray(info.Env(), value.toPem(PassPhraseArg(info, 0, Method(info))));
  }
};

}  // namespace

QSslKey* UnwrapSslKey(Napi::Value v) { return SslKeyWrap::ValueOf(v); }

Napi::Object NewSslKey(Napi::Env env, const QSslKey& k) { return SslKeyWrap::New(Module::of(env).sslKeyCtor, k); }

Napi::Function InitSslKey(Napi::Env env, Module& m) { return SslKeyWrap::Init(env, m); }

}  // namespace qtn
