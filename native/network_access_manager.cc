// QNetworkAccessManager: Qt's own manager on the Qt side (NamCore) and its JS object;
// lib/QNetworkAccessManager.ts mirrors its settings. Requests are started by the reply's JS object
// (native/network_reply.cc start), which exists before Qt's reply so that no event is missed.
#include "network_access_manager.h"

#include <QNetworkProxy>
#include <QVariant>

#include "network_cookie_jar.h"
#include "network_proxy.h"
#include "protocol.h"
#include "value_wrap.h"

namespace qtn {

void NamCore::create() { object = new Counted<QNetworkAccessManager>(); }

void NamCore::pushDestroyed() {
  Event e;
  e.handle = id();
  e.kind = protocol::ReplyEvent::kDestroyed;  // the manager's only event
  e.seq = ++seq;
  channel()->push(std::move(e));
}

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<NamCore>&;

Napi::Value SetProxy(Info info, Core core) {
  const QNetworkProxy* p = UnwrapNetworkProxy(info[0]);
  if (!p) throw ArgTypeError(info.Env(), 0, "QNetworkAccessManager.setProxy", "a native QNetworkProxy");
  QNetworkProxy proxy = *p;
  return SyncCall(info.Env(), core, [&](QNetworkAccessManager* m) {
    m->setProxy(proxy);
    return QVariant();
  });
}

Napi::Value SetTransferTimeout(Info info, Core core) {
  int ms = int(IntArg(info, 0, INT32_MIN, INT32_MAX, "QNetworkAccessManager.setTransferTimeout"));
  return SyncCall(info.Env(), core, [ms](QNetworkAccessManager* m) {
    m->setTransferTimeout(ms);
    return QVariant(m->transferTimeout());
  });
}

Napi::Value SetRedirectPolicy(Info info, Core core) {
  auto policy = QNetworkRequest::RedirectPolicy(IntArg(info, 0, QNetworkRequest::ManualRedirectPolicy,
                                                       QNetworkRequest::UserVerifiedRedirectPolicy,
                                                       "QNetworkAccessManager.setRedirectPolicy"));
  return SyncCall(info.Env(), core, [policy](QNetworkAccessManager* m) {
    m->setRedirectPolicy(policy);
    return QVariant(int(m->redirectPolicy()));
  });
}

Napi::Value SetAutoDeleteReplies(Info info, Core core) {
  bool on = BoolArg(info, 0, "QNetworkAccessManager.setAutoDeleteReplies");
  return SyncCall(info.Env(), core, [on](QNetworkAccessManager* m) {
    m->setAutoDeleteReplies(on);
    return QVariant(m->autoDeleteReplies());
  });
}

// setCookieJar(jar, keepCookies): the manager uses `jar` from now on; keepCookies: it gets the
// cookies of the manager's jar so far (Qt's default one, when JS first asks for cookieJar()).
// False if the jar was deleted.
Napi::Value SetCookieJar(Info info, Core core) {
  const char* method = "QNetworkAccessManager.setCookieJar";
  std::shared_ptr<JarCore> jar = JarCoreArg(info[0], method);
  bool keep = BoolArg(info, 1, method);
  return SyncCall(info.Env(), core, [&](QNetworkAccessManager* m) {
    QNetworkCookieJar* j = jar->object;
    if (!j) return QVariant(false);
    QNetworkCookieJar* old = m->cookieJar();
    if (keep && old != j) SetAllCookiesOf(j, AllCookiesOf(old));
    m->setCookieJar(j);
    j->setParent(nullptr);  // owned by its JS object, not by the manager (see JarCore::usedBy)
    jar->usedBy(m);
    return QVariant(true);
  });
}

class QNetworkAccessManagerWrap : public HandleWrap<QNetworkAccessManagerWrap, NamCore> {
 public:
  static constexpr const char* kName = "QNetworkAccessManager";
  static constexpr napi_type_tag kTag = {0x2d94e1c07a3b4f58ULL, 0xb61f03d8e4a27c95ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<NamCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<NamCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<NamCore>> methods = {
        {"setProxy", SetProxy},
        {"setTransferTimeout", SetTransferTimeout},
        {"setRedirectPolicy", SetRedirectPolicy},
        {"setAutoDeleteReplies", SetAutoDeleteReplies},
        {"setCookieJar", SetCookieJar},
    };
    Methods all;
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QNetworkAccessManagerWrap::kName, &QNetworkAccessManagerWrap::Init);

}  // namespace

std::shared_ptr<NamCore> NamCoreArg(Napi::Value v, const char* method) {
  return QNetworkAccessManagerWrap::CoreArg(v, method);
}

}  // namespace qtn
