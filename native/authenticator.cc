#include "authenticator.h"

#include <QVariantHash>

namespace qtn {

namespace {

class AuthenticatorWrap : public ValueWrap<AuthenticatorWrap, QAuthenticator> {
 public:
  static constexpr const char* kName = "QAuthenticator";
  static constexpr napi_type_tag kTag = {0x51c7e2a09b3d4f16ULL, 0xe48a0d6f2b917c35ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        Define(env, {},
               {
                   Bind<&AuthenticatorWrap::Get<&QAuthenticator::isNull>>(env, "isNull"),
                   Bind<&AuthenticatorWrap::Get<&QAuthenticator::user>>(env, "user"),
                   Bind<&AuthenticatorWrap::SetString<&QAuthenticator::setUser>>(env, "setUser"),
                   Bind<&AuthenticatorWrap::Get<&QAuthenticator::password>>(env, "password"),
                   Bind<&AuthenticatorWrap::SetString<&QAuthenticator::setPassword>>(env, "setPassword"),
                   Bind<&AuthenticatorWrap::Get<&QAuthenticator::realm>>(env, "realm"),
                   Bind<&AuthenticatorWrap::Option>(env, "option"),
                   Bind<&AuthenticatorWrap::Options>(env, "options"),
                   Bind<&AuthenticatorWrap::SetOption>(env, "setOption"),
                   Bind<&AuthenticatorWrap::Equals>(env, "equals"),
               });
    m.authenticatorCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QAuthenticator() is null; new QAuthenticator(other) a copy of other.
  explicit AuthenticatorWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() > 0 && !info[0].IsUndefined()) value = Other(info, 0, kName);
  }

 private:
  Napi::Value Option(const Napi::CallbackInfo& info) {
    return FromVariant(info.Env(), value.option(StringArg(info, 0, Method(info))), Method(info));
  }

  // [name, value] pairs: the TS layer makes the object, so that a name such as "__proto__" is an
  // own property and not the object's prototype.
  Napi::Value Options(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const QVariantHash options = value.options();
    Napi::Array a = Napi::Array::New(env, size_t(options.size()));
    uint32_t k = 0;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
      Napi::Array pair = Napi::Array::New(env, 2);
      pair.Set(0u, FromQString(env, it.key()));
      pair.Set(1u, FromVariant(env, it.value(), Method(info)));
      a.Set(k++, pair);
    }
    return a;
  }

  Napi::Value SetOption(const Napi::CallbackInfo& info) {
    value.setOption(StringArg(info, 0, Method(info)), VariantArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

QAuthenticator* UnwrapAuthenticator(Napi::Value v) { return AuthenticatorWrap::ValueOf(v); }

Napi::Object NewAuthenticator(Napi::Env env, const QAuthenticator& a) {
  return AuthenticatorWrap::New(Module::of(env).authenticatorCtor, a);
}

napi_value NewAuthenticatorOrNull(napi_env env, const QAuthenticator& a) {
  Module* m = nullptr;
  if (napi_get_instance_data(env, reinterpret_cast<void**>(&m)) != napi_ok || !m) return nullptr;
  return AuthenticatorWrap::NewOrNull(env, m->authenticatorCtor, a);
}

Napi::Function InitAuthenticator(Napi::Env env, Module& m) { return AuthenticatorWrap::Init(env, m); }

}  // namespace qtn
