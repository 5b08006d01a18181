// QSslPreSharedKeyAuthenticator: what is stored, the limits (set by the TLS backend during a
// handshake, 0 otherwise) and equality are Qt's own; lib/QSslPreSharedKeyAuthenticator.ts checks
// arguments and names and keeps the key out of what it shows.
#include "ssl_pre_shared_key_authenticator.h"

namespace qtn {

namespace {

class SslPreSharedKeyAuthenticatorWrap
    : public ValueWrap<SslPreSharedKeyAuthenticatorWrap, QSslPreSharedKeyAuthenticator> {
 public:
  static constexpr const char* kName = "QSslPreSharedKeyAuthenticator";
  static constexpr napi_type_tag kTag = {0x1f8b64d2c93ea075ULL, 0xb06c2e4f7a91d853ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = SslPreSharedKeyAuthenticatorWrap;
    using C = QSslPreSharedKeyAuthenticator;
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&W::Get<&C::identity>>(env, "identity"),
                                     Bind<&W::SetBytes<&C::setIdentity>>(env, "setIdentity"),
                                     Bind<&W::Get<&C::identityHint>>(env, "identityHint"),
                                     Bind<&W::Get<&C::maximumIdentityLength>>(env, "maximumIdentityLength"),
                                     Bind<&W::Get<&C::preSharedKey>>(env, "preSharedKey"),
                                     Bind<&W::SetBytes<&C::setPreSharedKey>>(env, "setPreSharedKey"),
                                     Bind<&W::Get<&C::maximumPreSharedKeyLength>>(env, "maximumPreSharedKeyLength"),
                                     Bind<&W::Swap>(env, "swap"),
                                     Bind<&W::Equals>(env, "equals"),
                                 });
    m.sslPreSharedKeyAuthenticatorCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslPreSharedKeyAuthenticator() · (other): a copy.
  explicit SslPreSharedKeyAuthenticatorWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslPreSharedKeyAuthenticator: 0 or 1 arguments expected");
    }
  }
};

}  // namespace

QSslPreSharedKeyAuthenticator* UnwrapSslPreSharedKeyAuthenticator(Napi::Value v) {
  return SslPreSharedKeyAuthenticatorWrap::ValueOf(v);
}

Napi::Object NewSslPreSharedKeyAuthenticator(Napi::Env env, const QSslPreSharedKeyAuthenticator& a) {
  return SslPreSharedKeyAuthenticatorWrap::New(Module::of(env).sslPreSharedKeyAuthenticatorCtor, a);
}

Napi::Function InitSslPreSharedKeyAuthenticator(Napi::Env env, Module& m) {
  return SslPreSharedKeyAuthenticatorWrap::Init(env, m);
}

}  // namespace qtn
