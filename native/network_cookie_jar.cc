// QNetworkCookieJar: Qt's own cookie jar on the Qt side (JarCore) and its JS object;
// lib/QNetworkCookieJar.ts wraps it. Its methods are sync calls: the jar is read and written by the
// manager's HTTP stack on the Qt side, so JS reaches it there.
#include "network_cookie_jar.h"

#include <QNetworkCookie>
#include <QUrl>
#include <QVariant>

#include "network_cookie.h"
#include "protocol.h"
#include "runtime/live_count.h"
#include "url.h"
#include "value_wrap.h"

namespace qtn {

namespace {

// Qt's jar with its protected members reachable (PyQt6 gives Python the same).
class Jar : public QNetworkCookieJar {
 public:
  using QNetworkCookieJar::allCookies;
  using QNetworkCookieJar::setAllCookies;
  using QNetworkCookieJar::validateCookie;
};

}  // namespace

// &Jar::allCookies names QNetworkCookieJar's member: callable on any jar, Qt's default one included.
QList<QNetworkCookie> AllCookiesOf(const QNetworkCookieJar* jar) { return (jar->*(&Jar::allCookies))(); }
void SetAllCookiesOf(QNetworkCookieJar* jar, const QList<QNetworkCookie>& cookies) {
  (jar->*(&Jar::setAllCookies))(cookies);
}

void JarCore::create() { object = new Counted<Jar>(); }

void JarCore::usedBy(QNetworkAccessManager* m) {
  users_.removeAll(nullptr);
  if (!users_.contains(m)) users_.append(m);
}

void JarCore::destroyOnQt(bool emitSignals) {
  if (QNetworkCookieJar* j = object) {
    for (const QPointer<QNetworkAccessManager>& m : users_)
      if (m && m->cookieJar() == j) m->setCookieJar(new QNetworkCookieJar());
  }
  users_.clear();
  QtHandle::destroyOnQt(emitSignals);
}

void JarCore::pushDestroyed() {
  Event e;
  e.handle = id();
  e.kind = protocol::ReplyEvent::kDestroyed;  // the jar's only event, numbered as the manager's
  e.seq = ++seq;
  channel()->push(std::move(e));
}

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<JarCore>&;

QNetworkCookie CookieArg(Info info, size_t i, const char* method) {
  const QNetworkCookie* c = UnwrapNetworkCookie(info[i]);
  if (!c) throw ArgTypeError(info.Env(), i, method, "a native QNetworkCookie");
  return *c;
}

QList<QNetworkCookie> CookieListArg(Info info, size_t i, const char* method) {
  return ArrayArg(info, i, method, UnwrapNetworkCookie, "an array of native QNetworkCookie");
}

QUrl UrlArg(Info info, size_t i, const char* method) {
  const QUrl* u = UnwrapUrl(info[i]);
  if (!u) throw ArgTypeError(info.Env(), i, method, "a native QUrl");
  return *u;
}

// A list the jar answers, run on the Qt side (empty once the jar is gone).
template <class Fn>
Napi::Value ListCall(Info info, Core core, Fn fn) {
  QList<QNetworkCookie> out;
  SyncCall(info.Env(), core, [&](QNetworkCookieJar* j) {
    out = fn(static_cast<Jar*>(j));
    return QVariant();
  });
  return ToArray(info.Env(), out, NewNetworkCookie);
}

// A bool the jar answers (null once the jar is gone).
template <class Fn>
Napi::Value BoolCall(Info info, Core core, Fn fn) {
  return SyncCall(info.Env(), core, [&](QNetworkCookieJar* j) { return QVariant(bool(fn(static_cast<Jar*>(j)))); });
}

Napi::Value AllCookies(Info info, Core core) {
  return ListCall(info, core, [](Jar* j) { return j->allCookies(); });
}

Napi::Value SetAllCookies(Info info, Core core) {
  QList<QNetworkCookie> list = CookieListArg(info, 0, "QNetworkCookieJar.setAllCookies");
  return SyncCall(info.Env(), core, [&](QNetworkCookieJar* j) {
    static_cast<Jar*>(j)->setAllCookies(list);
    return QVariant();
  });
}

Napi::Value CookiesForUrl(Info info, Core core) {
  QUrl url = UrlArg(info, 0, "QNetworkCookieJar.cookiesForUrl");
  return ListCall(info, core, [&](Jar* j) { return j->cookiesForUrl(url); });
}

Napi::Value SetCookiesFromUrl(Info info, Core core) {
  const char* method = "QNetworkCookieJar.setCookiesFromUrl";
  QList<QNetworkCookie> list = CookieListArg(info, 0, method);
  QUrl url = UrlArg(info, 1, method);
  return BoolCall(info, core, [&](Jar* j) { return j->setCookiesFromUrl(list, url); });
}

Napi::Value InsertCookie(Info info, Core core) {
  QNetworkCookie c = CookieArg(info, 0, "QNetworkCookieJar.insertCookie");
  return BoolCall(info, core, [&](Jar* j) { return j->insertCookie(c); });
}

Napi::Value UpdateCookie(Info info, Core core) {
  QNetworkCookie c = CookieArg(info, 0, "QNetworkCookieJar.updateCookie");
  return BoolCall(info, core, [&](Jar* j) { return j->updateCookie(c); });
}

Napi::Value DeleteCookie(Info info, Core core) {
  QNetworkCookie c = CookieArg(info, 0, "QNetworkCookieJar.deleteCookie");
  return BoolCall(info, core, [&](Jar* j) { return j->deleteCookie(c); });
}

Napi::Value ValidateCookie(Info info, Core core) {
  const char* method = "QNetworkCookieJar.validateCookie";
  QNetworkCookie c = CookieArg(info, 0, method);
  QUrl url = UrlArg(info, 1, method);
  return BoolCall(info, core, [&](Jar* j) { return j->validateCookie(c, url); });
}

class QNetworkCookieJarWrap : public HandleWrap<QNetworkCookieJarWrap, JarCore> {
 public:
  static constexpr const char* kName = "QNetworkCookieJar";
  static constexpr napi_type_tag kTag = {0x7e3a0c5d91f24b68ULL, 0xc08d4f2b1a6e9357ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<JarCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<JarCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<JarCore>> methods = {
        {"allCookies", AllCookies},       {"setAllCookies", SetAllCookies},
        {"cookiesForUrl", CookiesForUrl}, {"setCookiesFromUrl", SetCookiesFromUrl},
        {"insertCookie", InsertCookie},   {"updateCookie", UpdateCookie},
        {"deleteCookie", DeleteCookie},   {"validateCookie", ValidateCookie},
    };
    Methods all;
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QNetworkCookieJarWrap::kName, &QNetworkCookieJarWrap::Init);

}  // namespace

std::shared_ptr<JarCore> JarCoreArg(Napi::Value v, const char* method) {
  return QNetworkCookieJarWrap::CoreArg(v, method);
}

}  // namespace qtn
