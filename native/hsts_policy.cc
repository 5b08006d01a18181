// QHstsPolicy: how the host is parsed and shown, when a policy counts as expired and equality are
// Qt's own; lib/QHstsPolicy.ts checks arguments and names.
#include "hsts_policy.h"

#include <QUrl>

namespace qtn {

namespace {

QUrl::ParsingMode Mode(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return QUrl::ParsingMode(IntArg(info, i, QUrl::TolerantMode, QUrl::DecodedMode, method));
}

class HstsPolicyWrap : public ValueWrap<HstsPolicyWrap, QHstsPolicy> {
 public:
  static constexpr const char* kName = "QHstsPolicy";
  static constexpr napi_type_tag kTag = {0x2d8e61f04a9c17b3ULL, 0xc5370e9b84f2a61dULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        Define(env, {},
               {
                   Bind<&HstsPolicyWrap::Host>(env, "host"),
                   Bind<&HstsPolicyWrap::SetHost>(env, "setHost"),
                   Bind<&HstsPolicyWrap::Expiry>(env, "expiry"),
                   Bind<&HstsPolicyWrap::SetExpiry>(env, "setExpiry"),
                   Bind<&HstsPolicyWrap::Get<&QHstsPolicy::includesSubDomains>>(env, "includesSubDomains"),
                   Bind<&HstsPolicyWrap::SetIncludesSubDomains>(env, "setIncludesSubDomains"),
                   Bind<&HstsPolicyWrap::Get<&QHstsPolicy::isExpired>>(env, "isExpired"),
                   Bind<&HstsPolicyWrap::Swap>(env, "swap"),
                   Bind<&HstsPolicyWrap::Equals>(env, "equals"),
               });
    m.hstsPolicyCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QHstsPolicy() · (other) · (expiry: Date|null, flags, host, mode).
  explicit HstsPolicyWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 4) {
      value = QHstsPolicy(DateArg(info, 0, kName),
                          QHstsPolicy::PolicyFlags(int(IntArg(info, 1, 0, QHstsPolicy::IncludeSubDomains, kName))),
                          StringArg(info, 2, kName), Mode(info, 3, kName));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QHstsPolicy: 0, 1 or 4 arguments expected");
    }
  }

 private:
  Napi::Value Host(const Napi::CallbackInfo& info) {
    auto options = QUrl::ComponentFormattingOptions(QFlag(int(IntArg(info, 0, 0, INT32_MAX, Method(info)))));
    return FromQString(info.Env(), value.host(options));
  }

  Napi::Value SetHost(const Napi::CallbackInfo& info) {
    value.setHost(StringArg(info, 0, Method(info)), Mode(info, 1, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value Expiry(const Napi::CallbackInfo& info) { return FromDateTime(info.Env(), value.expiry()); }

  Napi::Value SetExpiry(const Napi::CallbackInfo& info) {
    value.setExpiry(DateArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value SetIncludesSubDomains(const Napi::CallbackInfo& info) {
    value.setIncludesSubDomains(BoolArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

const QHstsPolicy* UnwrapHstsPolicy(Napi::Value v) { return HstsPolicyWrap::ValueOf(v); }

Napi::Object NewHstsPolicy(Napi::Env env, const QHstsPolicy& p) {
  return HstsPolicyWrap::New(Module::of(env).hstsPolicyCtor, p);
}

Napi::Function InitHstsPolicy(Napi::Env env, Module& m) { return HstsPolicyWrap::Init(env, m); }

}  // namespace qtn
