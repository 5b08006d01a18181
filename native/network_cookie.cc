#include "network_cookie.h"

#include <QDateTime>

#include <cmath>

#include "url.h"

namespace qtn {

namespace {

class NetworkCookieWrap : public ValueWrap<NetworkCookieWrap, QNetworkCookie> {
 public:
  static constexpr const char* kName = "QNetworkCookie";
  static constexpr napi_type_tag kTag = {0x51c8e2a07d3f4b96ULL, 0xa34f9d1e60b7c285ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(
        env, {StaticMethod<&NetworkCookieWrap::ParseCookies>("parseCookies")},
        {
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::name>>(env, "name"),
            Bind<&NetworkCookieWrap::SetBytes<&QNetworkCookie::setName>>(env, "setName"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::value>>(env, "value"),
            Bind<&NetworkCookieWrap::SetBytes<&QNetworkCookie::setValue>>(env, "setValue"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::domain>>(env, "domain"),
            Bind<&NetworkCookieWrap::SetString<&QNetworkCookie::setDomain>>(env, "setDomain"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::path>>(env, "path"),
            Bind<&NetworkCookieWrap::SetString<&QNetworkCookie::setPath>>(env, "setPath"),
            Bind<&NetworkCookieWrap::ExpirationDate>(env, "expirationDate"),
            Bind<&NetworkCookieWrap::SetExpirationDate>(env, "setExpirationDate"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::isSecure>>(env, "isSecure"),
            Bind<&NetworkCookieWrap::SetBool<&QNetworkCookie::setSecure>>(env, "setSecure"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::isHttpOnly>>(env, "isHttpOnly"),
            Bind<&NetworkCookieWrap::SetBool<&QNetworkCookie::setHttpOnly>>(env, "setHttpOnly"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::isSessionCookie>>(env, "isSessionCookie"),
            Bind<&NetworkCookieWrap::Get<&QNetworkCookie::sameSitePolicy>>(env, "sameSitePolicy"),
            Bind<&NetworkCookieWrap::SetInt<&QNetworkCookie::setSameSitePolicy,
                                            int64_t(QNetworkCookie::SameSite::Default),
                                            int64_t(QNetworkCookie::SameSite::Strict)>>(env, "setSameSitePolicy"),
            Bind<&NetworkCookieWrap::ToRawForm>(env, "toRawForm"),
            Bind<&NetworkCookieWrap::Normalize>(env, "normalize"),
            Bind<&NetworkCookieWrap::HasSameIdentifier>(env, "hasSameIdentifier"),
            Bind<&NetworkCookieWrap::Swap>(env, "swap"),
            Bind<&NetworkCookieWrap::Equals>(env, "equals"),
        });
    m.networkCookieCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QNetworkCookie() · (name, value: bytes) · (other QNetworkCookie): a copy.
  explicit NetworkCookieWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1 && Of(info[0])) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 2) {
      value = QNetworkCookie(BytesArg(info, 0, kName), BytesArg(info, 1, kName));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QNetworkCookie: 0, 1 (a native QNetworkCookie) or 2 arguments expected");
    }
  }

 private:
  static Napi::Value ParseCookies(const Napi::CallbackInfo& info) {
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      return ToArray(info.Env(), QNetworkCookie::parseCookies(BytesArg(info, 0, "QNetworkCookie.parseCookies")),
                     NewNetworkCookie);
    });
  }

  template <auto S>
  Napi::Value SetBool(const Napi::CallbackInfo& info) {
    (value.*S)(BoolArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  // An invalid QDateTime (a session cookie) is null.
  Napi::Value ExpirationDate(const Napi::CallbackInfo& info) {
    QDateTime t = value.expirationDate();
    if (!t.isValid()) return info.Env().Null();
    return Napi::Date::New(info.Env(), double(t.toMSecsSinceEpoch()));
  }

  // A Date (its instant, in UTC), or null for QDateTime(): a session cookie.
  Napi::Value SetExpirationDate(const Napi::CallbackInfo& info) {
    if (info[0].IsNull()) {
      value.setExpirationDate(QDateTime());
    } else {
      if (!info[0].IsDate()) throw ArgTypeError(info.Env(), 0, Method(info), "a Date or null");
      double ms = info[0].As<Napi::Date>().ValueOf();
      if (!std::isfinite(ms)) throw ArgTypeError(info.Env(), 0, Method(info), "a valid Date");
      value.setExpirationDate(QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC));
    }
    return info.Env().Undefined();
  }

  Napi::Value ToRawForm(const Napi::CallbackInfo& info) {
    auto form =
        QNetworkCookie::RawForm(IntArg(info, 0, QNetworkCookie::NameAndValueOnly, QNetworkCookie::Full, Method(info)));
    return FromQByteArray(info.Env(), value.toRawForm(form));
  }

  Napi::Value Normalize(const Napi::CallbackInfo& info) {
    const QUrl* u = UnwrapUrl(info[0]);
    if (!u) throw ArgTypeError(info.Env(), 0, Method(info), "a native QUrl");
    value.normalize(*u);
    return info.Env().Undefined();
  }

  Napi::Value HasSameIdentifier(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), value.hasSameIdentifier(Other(info, 0, Method(info))));
  }
};

}  // namespace

const QNetworkCookie* UnwrapNetworkCookie(Napi::Value v) { return NetworkCookieWrap::ValueOf(v); }

Napi::Object NewNetworkCookie(Napi::Env env, const QNetworkCookie& c) {
  return NetworkCookieWrap::New(Module::of(env).networkCookieCtor, c);
}

Napi::Function InitNetworkCookie(Napi::Env env, Module& m) { return NetworkCookieWrap::Init(env, m); }

}  // namespace qtn
