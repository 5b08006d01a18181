// QSslError: the error, its text and the certificate it is about are Qt's own; lib/QSslError.ts
// checks arguments and names.
#include "ssl_error.h"

#include "ssl_certificate.h"

namespace qtn {

namespace {

class SslErrorWrap : public ValueWrap<SslErrorWrap, QSslError> {
 public:
  static constexpr const char* kName = "QSslError";
  static constexpr napi_type_tag kTag = {0x7a41c9e03b6d58f2ULL, 0x96e02d4c1f8a73b5ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&SslErrorWrap::Get<&QSslError::error>>(env, "error"),
                                     Bind<&SslErrorWrap::Get<&QSslError::errorString>>(env, "errorString"),
                                     Bind<&SslErrorWrap::Certificate>(env, "certificate"),
                                     Bind<&SslErrorWrap::Swap>(env, "swap"),
                                     Bind<&SslErrorWrap::Equals>(env, "equals"),
                                 });
    m.sslErrorCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslError() · (other) · (error: SslError) · (error, certificate: a native QSslCertificate).
  explicit SslErrorWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1 && Of(info[0])) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 1 || info.Length() == 2) {
      auto error =
          QSslError::SslError(IntArg(info, 0, QSslError::UnspecifiedError, QSslError::OcspStatusUnknown, kName));
      if (info.Length() == 1) {
        value = QSslError(error);
      } else {
        const QSslCertificate* c = UnwrapSslCertificate(info[1]);
        if (!c) throw ArgTypeError(info.Env(), 1, kName, "a native QSslCertificate");
        value = QSslError(error, *c);
      }
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslError: 0, 1 or 2 arguments expected");
    }
  }

 private:
  Napi::Value Certificate(const Napi::CallbackInfo& info) { return NewSslCertificate(info.Env(), value.certificate()); }
};

}  // namespace

const QSslError* UnwrapSslError(Napi::Value v) { return SslErrorWrap::ValueOf(v); }

Napi::Object NewSslError(Napi::Env env, const QSslError& e) {
  return SslErrorWrap::New(Module::of(env).sslErrorCtor, e);
}

Napi::Function InitSslError(Napi::Env env, Module& m) { return SslErrorWrap::Init(env, m); }

}  // namespace qtn
