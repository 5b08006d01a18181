// QNetworkAccessManager: Qt's own manager on the Qt side (NamCore) and its JS object;
// lib/QNetworkAccessManager.ts mirrors its settings. Requests are started by the reply's JS object
// (native/network_reply.cc start), which exists before Qt's reply so that no event is missed.
#include "network_access_manager.h"

#include <QHstsPolicy>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QVariant>

#include "hsts_policy.h"
#include "network_cookie_jar.h"
#include "network_disk_cache.h"
#include "network_proxy.h"
#include "network_proxy_factory.h"
#include "network_proxy_query.h"
#include "protocol.h"
#include "proxy_auth.h"
#include "psk_ask.h"
#include "ssl_configuration.h"
#include "ssl_errors_ask.h"
#include "value_wrap.h"

namespace qtn {

void NamCore::create() {
  QNetworkAccessManager* m = new Counted<QNetworkAccessManager>();
  object = m;
  // Qt asks from its HTTP thread, which waits (a blocking queued call) until the emission returns:
  // one question per manager at a time, so the manager's own slot wait suffices.
  QObject::connect(m, &QNetworkAccessManager::authenticationRequired, m, [this](QNetworkReply* r, QAuthenticator* a) {
    Event e = make(protocol::ReplyEvent::kAuthenticationRequired);
    e.i[3] = int32_t(ReplyHandleId(r));
    AskForCredentials(*this, nullptr, std::move(e), nullptr, a);
  });
  QObject::connect(
      m, &QNetworkAccessManager::proxyAuthenticationRequired, m, [this](const QNetworkProxy& proxy, QAuthenticator* a) {
        AskForCredentials(*this, nullptr, make(protocol::ReplyEvent::kProxyAuthenticationRequired), &proxy, a);
      });
}

Event NamCore::make(uint32_t kind) {
  Event e;
  e.handle = id();
  e.kind = kind;
  e.seq = ++seq;
  return e;
}

// The reply's handle id, kept on Qt's reply when its core adopted it (network_reply.cc).
uint32_t ReplyHandleId(QObject* reply) { return reply ? reply->property(kReplyIdProperty).toUInt() : 0; }

void NamCore::pushDestroyed() { channel()->push(make(protocol::ReplyEvent::kDestroyed)); }

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<NamCore>&;

// What the manager's JS factory answered: its list, or nothing (it threw).
struct ProxyListAnswer : SlotAnswer {
  std::optional<QList<QNetworkProxy>> list;
};

// The factory Qt holds for a manager given a JS one (setProxyFactory). Qt asks it where it asks a
// PyQt6 factory (inside get(), again for each redirect), and it asks JS as a slot is asked, through
// the manager's slot wait. In the thread runtime JS cannot answer inside get() (it waits in that
// very call): get() carries the answer JS decided just before (ArmDecision).
class JsManagerFactory : public QNetworkProxyFactory {
 public:
  explicit JsManagerFactory(std::weak_ptr<Handle> core) : core_(std::move(core)) {}

  QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& q) override {
    if (const QList<QNetworkProxy>* decided = ArmedDecision()) return *decided;
    // The slot may replace the factory (Qt deletes this one): nothing of `this` is used after it.
    std::shared_ptr<Handle> h = core_.lock();
    if (!h) return {QNetworkProxy(QNetworkProxy::NoProxy)};
    NamCore& core = static_cast<NamCore&>(*h);
    std::shared_ptr<SlotAnswer> a = core.waitForSlot([&](uint32_t serial) {
      Event e = core.make(protocol::ReplyEvent::kQueryProxy);
      e.makePayload = [q, serial](napi_env env) -> napi_value {
        napi_value a, n, query = NewNetworkProxyQueryOrNull(env, q);
        if (!query || napi_create_array_with_length(env, 2, &a) != napi_ok ||
            napi_create_uint32(env, serial, &n) != napi_ok || napi_set_element(env, a, 0, query) != napi_ok ||
            napi_set_element(env, a, 1, n) != napi_ok)
          return nullptr;
        return a;
      };
      return e;
    });
    // An empty list goes to Qt as it is: Qt warns of it and uses NoProxy, as with PyQt6; a factory
    // that threw gives NoProxy (as the application's does).
    if (a && static_cast<ProxyListAnswer&>(*a).list) return *static_cast<ProxyListAnswer&>(*a).list;
    if (a) return {QNetworkProxy(QNetworkProxy::NoProxy)};
    // Unanswered (the thread runtime: the manager waits on JS already, or JS waits in a call on the
    // manager): a proxy that can do nothing, so that the request fails (ProxyNotFoundError) rather
    // than going around the proxies the factory would have chosen.
    QNetworkProxy none(QNetworkProxy::NoProxy);
    none.setCapabilities({});
    return {none};
  }

 private:
  std::weak_ptr<Handle> core_;
};

// setProxyFactory(on): Qt holds a JsManagerFactory (on) or none; either way Qt drops the one it
// held and resets the manager's proxy to DefaultProxy.
Napi::Value SetProxyFactory(Info info, Core core) {
  bool on = BoolArg(info, 0, "QNetworkAccessManager.setProxyFactory");
  std::weak_ptr<Handle> weak = core;
  return SyncCall(info.Env(), core, [on, weak](QNetworkAccessManager* m) {
    m->setProxyFactory(on ? new JsManagerFactory(weak) : nullptr);
    return QVariant();
  });
}

// answerQueryProxy(serial, list | undefined): the JS factory's answer (undefined: it threw).
Napi::Value AnswerQueryProxy(Info info, Core core) {
  const char* method = "QNetworkAccessManager.answerQueryProxy";
  auto serial = uint32_t(IntArg(info, 0, 0, UINT32_MAX, method));
  auto answer = std::make_shared<ProxyListAnswer>();
  answer->list = DecidedProxies(info[1], method);
  std::shared_ptr<Handle> h = core;
  h->channel()->postNow([h, serial, answer] { h->answerSlot(serial, answer); });
  return info.Env().Undefined();
}

// answerAuth(serial, QAuthenticator): what the authenticationRequired or proxyAuthenticationRequired
// slots filled.
Napi::Value AnswerAuth(Info info, Core core) {
  AnswerProxyCredentials(core, uint32_t(IntArg(info, 0, 0, UINT32_MAX, "answerAuth")), info[1]);
  return info.Env().Undefined();
}

// answerPreSharedKey(serial, QSslPreSharedKeyAuthenticator): what a reply's
// preSharedKeyAuthenticationRequired slots filled (the reply asks through its manager's wait).
Napi::Value AnswerPreSharedKeyOf(Info info, Core core) {
  AnswerPreSharedKey(core, uint32_t(IntArg(info, 0, 0, UINT32_MAX, "answerPreSharedKey")), info[1]);
  return info.Env().Undefined();
}

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

// setCache(cache or null): the manager uses a link to `cache` from now on (Qt deletes the link it
// had; the cache itself stays its JS object's). False if the cache was deleted.
Napi::Value SetCache(Info info, Core core) {
  std::shared_ptr<DiskCacheCore> cache;
  if (!info[0].IsNull()) cache = DiskCacheCoreArg(info[0], "QNetworkAccessManager.setCache");
  return SyncCall(info.Env(), core, [&](QNetworkAccessManager* m) {
    if (cache && !cache->object) return QVariant(false);
    m->setCache(cache ? cache->linkFor() : nullptr);
    return QVariant(true);
  });
}

Napi::Value SetStrictTransportSecurityEnabled(Info info, Core core) {
  bool on = BoolArg(info, 0, "QNetworkAccessManager.setStrictTransportSecurityEnabled");
  return SyncCall(info.Env(), core, [on](QNetworkAccessManager* m) {
    m->setStrictTransportSecurityEnabled(on);
    return QVariant(m->isStrictTransportSecurityEnabled());
  });
}

// The store reads and writes QSettings files in storeDir (Qt's cache location when empty) on the
// Qt side; Qt's answer is whether the store is now enabled.
Napi::Value EnableStrictTransportSecurityStore(Info info, Core core) {
  const char* method = "QNetworkAccessManager.enableStrictTransportSecurityStore";
  bool on = BoolArg(info, 0, method);
  QString dir = StringArg(info, 1, method);
  return SyncCall(info.Env(), core, [on, dir](QNetworkAccessManager* m) {
    m->enableStrictTransportSecurityStore(on, dir);
    return QVariant(m->isStrictTransportSecurityStoreEnabled());
  });
}

// An array of native QHstsPolicy objects (lib/ checked and unwrapped nothing: checked here).
Napi::Value AddStrictTransportSecurityHosts(Info info, Core core) {
  const char* method = "QNetworkAccessManager.addStrictTransportSecurityHosts";
  if (!info[0].IsArray()) throw ArgTypeError(info.Env(), 0, method, "an array of native QHstsPolicy");
  Napi::Array a = info[0].As<Napi::Array>();
  QList<QHstsPolicy> hosts;
  for (uint32_t k = 0; k < a.Length(); k++) {
    const QHstsPolicy* p = UnwrapHstsPolicy(a.Get(k));
    if (!p) throw ArgTypeError(info.Env(), 0, method, "an array of native QHstsPolicy");
    hosts.append(*p);
  }
  return SyncCall(info.Env(), core, [hosts](QNetworkAccessManager* m) {
    m->addStrictTransportSecurityHosts(hosts);
    return QVariant();
  });
}

// Qt's list as it is now (responses over HTTPS add to it): read on the Qt side, wrapped here.
Napi::Value StrictTransportSecurityHosts(Info info, Core core) {
  QList<QHstsPolicy> hosts;
  SyncCall(info.Env(), core, [&hosts](QNetworkAccessManager* m) {
    hosts = m->strictTransportSecurityHosts();
    return QVariant();
  });
  return ToArray(info.Env(), hosts, NewHstsPolicy);
}

// A call of Qt's that takes nothing and answers nothing (clearAccessCache: Qt forgets the
// connections and credentials it cached; clearConnectionCache: it closes its idle connections).
template <void (QNetworkAccessManager::*Call)()>
Napi::Value Plain(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QNetworkAccessManager* m) {
    (m->*Call)();
    return QVariant();
  });
}

// connectToHost(host, port): Qt opens the connection a later request to that host may reuse.
Napi::Value ConnectToHost(Info info, Core core) {
  const char* method = "QNetworkAccessManager.connectToHost";
  QString host = StringArg(info, 0, method);
  auto port = quint16(IntArg(info, 1, 0, 65535, method));
  return SyncCall(info.Env(), core, [host, port](QNetworkAccessManager* m) {
    m->connectToHost(host, port);
    return QVariant();
  });
}

// connectToHostEncrypted(host, port, sslConfiguration, peerName | null): the same, through TLS.
Napi::Value ConnectToHostEncrypted(Info info, Core core) {
  const char* method = "QNetworkAccessManager.connectToHostEncrypted";
  QString host = StringArg(info, 0, method);
  auto port = quint16(IntArg(info, 1, 0, 65535, method));
  const QSslConfiguration* c = UnwrapSslConfiguration(info[2]);
  if (!c) throw ArgTypeError(info.Env(), 2, method, "a native QSslConfiguration");
  QSslConfiguration configuration = *c;
  bool named = !info[3].IsNull();
  QString peerName = named ? StringArg(info, 3, method) : QString();
  return SyncCall(info.Env(), core, [&](QNetworkAccessManager* m) {
    if (named)
      m->connectToHostEncrypted(host, port, configuration, peerName);
    else
      m->connectToHostEncrypted(host, port, configuration);
    return QVariant();
  });
}

Napi::Value SupportedSchemes(Info info, Core core) {
  QStringList schemes;
  SyncCall(info.Env(), core, [&schemes](QNetworkAccessManager* m) {
    schemes = m->supportedSchemes();
    return QVariant();
  });
  Napi::Array a = Napi::Array::New(info.Env(), size_t(schemes.size()));
  for (qsizetype k = 0; k < schemes.size(); k++)
    a.Set(uint32_t(k), Napi::String::New(info.Env(), schemes[k].toStdString()));
  return a;
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
        {"setProxyFactory", SetProxyFactory},
        {"answerQueryProxy", AnswerQueryProxy},
        {"setTransferTimeout", SetTransferTimeout},
        {"setRedirectPolicy", SetRedirectPolicy},
        {"setAutoDeleteReplies", SetAutoDeleteReplies},
        {"answerAuth", AnswerAuth},
        // A reply's sslErrors slots' answer: the reply asks through its manager's wait (network_reply.cc).
        {"answerSslErrors", AnswerSslErrorsMethod<NamCore>},
        {"answerPreSharedKey", AnswerPreSharedKeyOf},
        {"setCookieJar", SetCookieJar},
        {"setCache", SetCache},
        {"setStrictTransportSecurityEnabled", SetStrictTransportSecurityEnabled},
        {"enableStrictTransportSecurityStore", EnableStrictTransportSecurityStore},
        {"addStrictTransportSecurityHosts", AddStrictTransportSecurityHosts},
        {"strictTransportSecurityHosts", StrictTransportSecurityHosts},
        {"clearAccessCache", Plain<&QNetworkAccessManager::clearAccessCache>},
        {"clearConnectionCache", Plain<&QNetworkAccessManager::clearConnectionCache>},
        {"connectToHost", ConnectToHost},
        {"connectToHostEncrypted", ConnectToHostEncrypted},
        {"supportedSchemes", SupportedSchemes},
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
