#include "network_proxy_factory.h"

#include <QNetworkProxyFactory>

#include <atomic>
#include <map>
#include <mutex>

#include "addon.h"
#include "network_proxy.h"
#include "network_proxy_query.h"
#include "runtime/runtime.h"
#include "value_wrap.h"

namespace qtn {

namespace {

// The decision for the Qt call running now on the Qt thread, if any.
thread_local const QList<QNetworkProxy>* armed = nullptr;

// Which JS factory Qt holds: 0 when Qt holds none of ours (Qt deletes ours when the application
// proxy, the system configuration or another factory replaces it).
std::atomic<uint32_t> installed{0};
std::atomic<uint32_t> generations{0};

// The JS factory's answers to the query that carries nothing but a type. Qt's native socket engine
// asks it, on the Qt thread, whenever it is about to connect or bind directly (a proxy there means
// "not allowed directly": UnsupportedSocketOperationError), sometimes long after the command (a
// connect by name asks after the lookup); JS answers it with every decision, for later.
std::mutex empty_mu;
std::map<int, QList<QNetworkProxy>> empty_answers;

// The loop runtime: Qt runs on the JS thread, so the factory Qt holds asks the JS factory itself,
// when and as often as Qt asks (as PyQt6 calls a Python factory). One per JS thread (Qt may ask
// on any thread that runs sockets); freed by its environment's cleanup hook. A plain pointer: a
// thread_local with a destructor would keep the addon loaded.
struct JsAsker {
  uint32_t generation = 0;
  std::shared_ptr<Runtime> runtime;
  napi_env env = nullptr;
  napi_ref fn = nullptr;
};
thread_local JsAsker* asker = nullptr;
// How deep this thread is inside a JS factory's answer: Qt is using the factory then, and replacing
// it (setApplicationProxy, setApplicationProxyFactory, setUseSystemConfiguration) would delete it
// under Qt's feet.
thread_local int asking = 0;

void DropAsker(void*) {
  JsAsker* a = asker;
  asker = nullptr;
  if (!a) return;
  if (a->fn) napi_delete_reference(a->env, a->fn);
  delete a;
}

// The JS factory's answer: its list, or nothing when JS could not run or the factory threw (JS
// reported that as an uncaught exception already).
std::optional<QList<QNetworkProxy>> AskJs(JsAsker* a, const QNetworkProxyQuery& q) {
  std::optional<QList<QNetworkProxy>> answer;
  asking++;
  a->runtime->callJs([&](napi_env env) {
    napi_value query = NewNetworkProxyQueryOrNull(env, q);
    napi_value fn, recv, result;
    if (!query || napi_get_reference_value(env, a->fn, &fn) != napi_ok || !fn ||
        napi_get_undefined(env, &recv) != napi_ok || napi_call_function(env, recv, fn, 1, &query, &result) != napi_ok) {
      bool pending = false;
      napi_value ignored;
      if (napi_is_exception_pending(env, &pending) == napi_ok && pending)
        napi_get_and_clear_last_exception(env, &ignored);
      return;
    }
    try {
      answer = DecidedProxies(Napi::Value(env, result), "QNetworkProxyFactory.queryProxy");
    } catch (const Napi::Error&) {
      napi_value ignored;
      napi_get_and_clear_last_exception(env, &ignored);
    }
  });
  asking--;
  return answer;
}

bool IsEmptyQuery(const QNetworkProxyQuery& q) {
  return q.peerHostName().isEmpty() && q.peerPort() == -1 && q.localPort() == -1 && q.protocolTag().isEmpty() &&
         q.url().isEmpty();
}

class JsDecidedFactory : public QNetworkProxyFactory {
 public:
  explicit JsDecidedFactory(uint32_t generation) : generation_(generation) {}
  ~JsDecidedFactory() override {
    uint32_t mine = generation_;
    installed.compare_exchange_strong(mine, 0);
  }

  QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& q) override {
    if (JsAsker* a = asker; a && a->generation == generation_) {
      // An empty list goes to Qt as it is: Qt warns of it and uses NoProxy, as with PyQt6.
      if (auto answer = AskJs(a, q)) return *answer;
      return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }
    if (IsEmptyQuery(q)) {
      std::lock_guard<std::mutex> lock(empty_mu);
      auto it = empty_answers.find(int(q.queryType()));
      if (it != empty_answers.end()) return it->second;
    } else if (armed) {
      return *armed;
    }
    return {QNetworkProxy(QNetworkProxy::NoProxy)};
  }

 private:
  uint32_t generation_;
};

const QNetworkProxyQuery& QueryArg(const Napi::CallbackInfo& info, const char* method) {
  const QNetworkProxyQuery* q = UnwrapNetworkProxyQuery(info[0]);
  if (!q) throw ArgTypeError(info.Env(), 0, method, "a native QNetworkProxyQuery");
  return *q;
}

// Installs a new JsDecidedFactory in Qt; answers its generation, which JS keeps to know whether
// Qt still holds it (installedGeneration). install(ask): the loop runtime's JS factory, which Qt
// asks through ask(query) on this thread (see JsAsker); install() alone: decisions made before
// each connect or listen (the thread runtime).
Napi::Value Install(const Napi::CallbackInfo& info) {
  CheckNotInsideFactory(info.Env(), "QNetworkProxyFactory.setApplicationProxyFactory");
  uint32_t generation = ++generations;
  if (info.Length() > 0 && info[0].IsFunction()) {
    napi_env env = info.Env();
    if (!asker) {
      asker = new JsAsker;
      asker->env = env;
      asker->runtime = Module::of(info.Env()).channel;
      napi_add_env_cleanup_hook(env, DropAsker, nullptr);
    }
    if (asker->fn) napi_delete_reference(env, asker->fn);
    asker->fn = nullptr;
    napi_create_reference(env, info[0], 1, &asker->fn);
    asker->generation = generation;
  }
  {
    std::lock_guard<std::mutex> lock(empty_mu);
    empty_answers.clear();
  }
  QNetworkProxyFactory::setApplicationProxyFactory(new JsDecidedFactory(generation));
  installed.store(generation);
  return Napi::Number::New(info.Env(), generation);
}

// JS thread: the JS factory's answer to the empty query of a type (see empty_answers).
Napi::Value SetEmptyAnswer(const Napi::CallbackInfo& info) {
  const char* method = "QNetworkProxyFactory.setEmptyAnswer";
  int type = int(IntArg(info, 0, QNetworkProxyQuery::TcpSocket, QNetworkProxyQuery::SctpServer, method));
  auto list = DecidedProxies(info[1], method);
  std::lock_guard<std::mutex> lock(empty_mu);
  empty_answers[type] = list ? *list : QList<QNetworkProxy>{};
  return info.Env().Undefined();
}

Napi::Value Uninstall(const Napi::CallbackInfo& info) {
  CheckNotInsideFactory(info.Env(), "QNetworkProxyFactory.setApplicationProxyFactory");
  QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
  return info.Env().Undefined();
}

Napi::Value InstalledGeneration(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), installed.load());
}

// Qt's own answer, when no JS factory is involved (the application proxy, or the system's).
Napi::Value ProxyForQuery(const Napi::CallbackInfo& info) {
  return ToArray(info.Env(), QNetworkProxyFactory::proxyForQuery(QueryArg(info, "QNetworkProxyFactory.proxyForQuery")),
                 NewNetworkProxy);
}

Napi::Value SystemProxyForQuery(const Napi::CallbackInfo& info) {
  return ToArray(info.Env(),
                 QNetworkProxyFactory::systemProxyForQuery(QueryArg(info, "QNetworkProxyFactory.systemProxyForQuery")),
                 NewNetworkProxy);
}

Napi::Value SetUseSystemConfiguration(const Napi::CallbackInfo& info) {
  CheckNotInsideFactory(info.Env(), "QNetworkProxyFactory.setUseSystemConfiguration");
  QNetworkProxyFactory::setUseSystemConfiguration(BoolArg(info, 0, "QNetworkProxyFactory.setUseSystemConfiguration"));
  return info.Env().Undefined();
}

Napi::Value UsesSystemConfiguration(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), QNetworkProxyFactory::usesSystemConfiguration());
}

}  // namespace

void CheckNotInsideFactory(Napi::Env env, const char* method) {
  if (asking > 0)
    throw Napi::Error::New(
        env, std::string(method) + ": not from inside a proxy factory's queryProxy (Qt is using that factory now)");
}

std::optional<QList<QNetworkProxy>> DecidedProxies(Napi::Value v, const char* method) {
  if (v.IsUndefined()) return std::nullopt;
  if (!v.IsArray()) throw Napi::TypeError::New(v.Env(), std::string(method) + ": the proxy list must be an array");
  Napi::Array a = v.As<Napi::Array>();
  QList<QNetworkProxy> list;
  for (uint32_t k = 0; k < a.Length(); k++) {
    const QNetworkProxy* p = UnwrapNetworkProxy(a.Get(k));
    if (!p)
      throw Napi::TypeError::New(v.Env(),
                                 std::string(method) + ": the proxy list must hold native QNetworkProxy objects");
    list.append(*p);
  }
  return list;
}

const QList<QNetworkProxy>* ArmedDecision() { return armed; }

ArmDecision::ArmDecision(const std::optional<QList<QNetworkProxy>>& decided) : previous_(armed) {
  if (decided) armed = &*decided;
}

ArmDecision::~ArmDecision() { armed = previous_; }

Napi::Object InitNetworkProxyFactory(Napi::Env env, Module&) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("install", Napi::Function::New<Install>(env, "install"));
  o.Set("setEmptyAnswer", Napi::Function::New<SetEmptyAnswer>(env, "setEmptyAnswer"));
  o.Set("uninstall", Napi::Function::New<Uninstall>(env, "uninstall"));
  o.Set("installedGeneration", Napi::Function::New<InstalledGeneration>(env, "installedGeneration"));
  o.Set("proxyForQuery", Napi::Function::New<ProxyForQuery>(env, "proxyForQuery"));
  o.Set("systemProxyForQuery", Napi::Function::New<SystemProxyForQuery>(env, "systemProxyForQuery"));
  o.Set("setUseSystemConfiguration", Napi::Function::New<SetUseSystemConfiguration>(env, "setUseSystemConfiguration"));
  o.Set("usesSystemConfiguration", Napi::Function::New<UsesSystemConfiguration>(env, "usesSystemConfiguration"));
  return o;
}

}  // namespace qtn
