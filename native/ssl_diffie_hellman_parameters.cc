// QSslDiffieHellmanParameters: decoding, the safety check of what was decoded (the TLS backend's),
// the errors and equality are Qt's own; lib/QSslDiffieHellmanParameters.ts checks arguments and
// names, and reads a QIODevice's bytes for fromEncoded(device) as Qt does (device->readAll()).
#include "ssl_diffie_hellman_parameters.h"

#include <QSsl>

namespace qtn {

namespace {

class SslDiffieHellmanParametersWrap : public ValueWrap<SslDiffieHellmanParametersWrap, QSslDiffieHellmanParameters> {
 public:
  static constexpr const char* kName = "QSslDiffieHellmanParameters";
  static constexpr napi_type_tag kTag = {0xa5d20c7e8f4b1936ULL, 0x27e9b3f0c6a15d48ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = SslDiffieHellmanParametersWrap;
    using C = QSslDiffieHellmanParameters;
    Napi::Function ctor = Define(env,
                                 {
                                     StaticMethod<&W::DefaultParameters>("defaultParameters"),
                                     StaticMethod<&W::FromEncoded>("fromEncoded"),
                                 },
                                 {
                                     Bind<&W::Get<&C::error>>(env, "error"),
                                     Bind<&W::Get<&C::errorString>>(env, "errorString"),
                                     Bind<&W::Get<&C::isEmpty>>(env, "isEmpty"),
                                     Bind<&W::Get<&C::isValid>>(env, "isValid"),
                                     Bind<&W::Swap>(env, "swap"),
                                     Bind<&W::Equals>(env, "equals"),
                                 });
    m.sslDiffieHellmanParametersCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslDiffieHellmanParameters() · (other): a copy.
  explicit SslDiffieHellmanParametersWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslDiffieHellmanParameters: 0 or 1 arguments expected");
    }
  }

 private:
  static Napi::Value DefaultParameters(const Napi::CallbackInfo& info) {
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      return New(Module::of(info.Env()).sslDiffieHellmanParametersCtor,
                 QSslDiffieHellmanParameters::defaultParameters());
    });
  }

  // fromEncoded(bytes, format).
  static Napi::Value FromEncoded(const Napi::CallbackInfo& info) {
    static constexpr const char* kMethod = "QSslDiffieHellmanParameters.fromEncoded";
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      QByteArray encoded = BytesArg(info, 0, kMethod);
      auto format = QSsl::EncodingFormat(IntArg(info, 1, QSsl::Pem, QSsl::Der, kMethod));
      return New(Module::of(info.Env()).sslDiffieHellmanParametersCtor,
                 QSslDiffieHellmanParameters::fromEncoded(encoded, format));
    });
  }
};

}  // namespace

const QSslDiffieHellmanParameters* UnwrapSslDiffieHellmanParameters(Napi::Value v) {
  return SslDiffieHellmanParametersWrap::ValueOf(v);
}

Napi::Object NewSslDiffieHellmanParameters(Napi::Env env, const QSslDiffieHellmanParameters& p) {
  return SslDiffieHellmanParametersWrap::New(Module::of(env).sslDiffieHellmanParametersCtor, p);
}

Napi::Function InitSslDiffieHellmanParameters(Napi::Env env, Module& m) {
  return SslDiffieHellmanParametersWrap::Init(env, m);
}

}  // namespace qtn
