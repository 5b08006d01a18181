// QSslCertificateExtension: what Qt's OpenSSL backend read from one X.509 extension;
// lib/QSslCertificateExtension.ts names it. Qt has no way to make one with content: only
// certificates give them.
#include "ssl_certificate_extension.h"

namespace qtn {

namespace {

class SslCertificateExtensionWrap : public ValueWrap<SslCertificateExtensionWrap, QSslCertificateExtension> {
 public:
  static constexpr const char* kName = "QSslCertificateExtension";
  static constexpr napi_type_tag kTag = {0x0d7c2b95e6f1a483ULL, 0x71a9e4c30b58d62fULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = SslCertificateExtensionWrap;
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&W::Get<&QSslCertificateExtension::isCritical>>(env, "isCritical"),
                                     Bind<&W::Get<&QSslCertificateExtension::isSupported>>(env, "isSupported"),
                                     Bind<&W::Get<&QSslCertificateExtension::name>>(env, "name"),
                                     Bind<&W::Get<&QSslCertificateExtension::oid>>(env, "oid"),
                                     Bind<&W::Value>(env, "value"),
                                     Bind<&W::Swap>(env, "swap"),
                                 });
    m.sslCertificateExtensionCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslCertificateExtension() · (other).
  explicit SslCertificateExtensionWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslCertificateExtension: 0 or 1 argument expected");
    }
  }

 private:
  // Qt's QVariant as PyQt6 converts it: a string, a map of strings, bytes or booleans (an object),
  // a list of strings; null when Qt has none (a default extension).
  Napi::Value Value(const Napi::CallbackInfo& info) { return FromVariant(info.Env(), value.value(), Method(info)); }
};

}  // namespace

Napi::Object NewSslCertificateExtension(Napi::Env env, const QSslCertificateExtension& e) {
  return SslCertificateExtensionWrap::New(Module::of(env).sslCertificateExtensionCtor, e);
}

Napi::Function InitSslCertificateExtension(Napi::Env env, Module& m) {
  return SslCertificateExtensionWrap::Init(env, m);
}

}  // namespace qtn
