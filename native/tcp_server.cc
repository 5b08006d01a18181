// QTcpServer: the Qt-thread half (TcpServerCore) and its JS wrapper; lib/QTcpServer.ts mirrors it.
#include <QHostAddress>
#include <QTcpServer>
#include <QVariant>

#include <deque>

#include "addon.h"
#include "host_address.h"
#include "network_proxy.h"
#include "network_proxy_factory.h"
#include "tcp_socket.h"

namespace qtn {

namespace {

// Event kinds of a server; lib/QTcpServer.ts has the same list.
enum ServerEvent : uint32_t {
  kNewPending = 1,  // no signal: a new connection joined the pending queue (carries the socket)
  kPendingConnectionAvailable,
  kNewConnection,
  kAcceptError,
  kServerDestroyed,
};

class TcpServerCore;

// Accepted sockets get their Qt-thread half before Qt queues them, so that the bytes they receive
// while pending reach JS, and so that JS (not the server) owns them, as nextPendingConnection's
// caller does in PyQt6.
class Server : public Counted<QTcpServer> {
 public:
  explicit Server(TcpServerCore* core) : core_(core) {}

 protected:
  void incomingConnection(qintptr fd) override;

 private:
  TcpServerCore* core_;
};

class TcpServerCore : public Handle {
 public:
  explicit TcpServerCore(std::shared_ptr<EnvChannel> channel) : Handle(std::move(channel)) {}

  void create() {
    server = new Server(this);
    QObject::connect(server.data(), &QTcpServer::pendingConnectionAvailable, server.data(),
                     [this] { push(kPendingConnectionAvailable); });
    QObject::connect(server.data(), &QTcpServer::newConnection, server.data(), [this] { push(kNewConnection); });
    QObject::connect(server.data(), &QTcpServer::acceptError, server.data(),
                     [this](QAbstractSocket::SocketError e) { push(kAcceptError, int32_t(e)); });
  }

  int destroyRank() const override { return 0; }

  void destroyOnQt(bool emitSignals) override {
    QTcpServer* s = server;
    if (!s) return;
    if (!emitSignals) QObject::disconnect(s, nullptr, nullptr, nullptr);
    delete s;
    server = nullptr;
    if (emitSignals) push(kServerDestroyed);
  }

  void push(uint32_t kind, int32_t arg = 0, std::shared_ptr<Handle> socket = nullptr) {
    Event e;
    e.handle = id_;
    e.kind = kind;
    e.seq = ++seq;
    e.i[3] = arg;
    fill(e.i, e.d, e.strings);
    e.handleArg = std::move(socket);
    channel_->push(std::move(e));
  }

  // The mirror JS keeps: listening, error, port, backlog, max pending, address, error string.
  void fill(int32_t* i, double* d, std::vector<std::string>& strings) const {
    QTcpServer* s = server;
    i[0] = s && s->isListening() ? 1 : 0;
    i[1] = s ? int(s->serverError()) : -1;
    i[2] = s ? s->serverPort() : 0;
    d[0] = s ? s->listenBacklogSize() : 0;
    d[1] = s ? s->maxPendingConnections() : 0;
    strings = {s ? s->serverAddress().toString().toStdString() : std::string(),
               s ? s->errorString().toStdString() : std::string()};
  }

  QPointer<QTcpServer> server;
  double seq = 0;
};

void Server::incomingConnection(qintptr fd) {
  auto* s = new Counted<QTcpSocket>();
  if (!s->setSocketDescriptor(fd)) {
    delete s;
    return;
  }
  auto sc = std::make_shared<TcpSocketCore>(core_->channel());
  sc->adopt(s);
  core_->channel()->add(sc);
  core_->push(kNewPending, 0, sc);
  sc->push(kEndpoint, 0, true);
  addPendingConnection(s);
}

class TcpServerWrap : public Napi::ObjectWrap<TcpServerWrap> {
 public:
  // Marks the objects our constructor made, so a getter borrowed onto another object is refused.
  static constexpr napi_type_tag kTag = {0xe3a95d07c41b4f28ULL, 0x17c4f2b98a0d6e53ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        DefineClass(env, "TcpServer",
                    {
                        InstanceMethod<&TcpServerWrap::Listen>("listen"),
                        InstanceMethod<&TcpServerWrap::Close>("close"),
                        InstanceMethod<&TcpServerWrap::Take>("take"),
                        InstanceMethod<&TcpServerWrap::PauseAccepting>("pauseAccepting"),
                        InstanceMethod<&TcpServerWrap::ResumeAccepting>("resumeAccepting"),
                        InstanceMethod<&TcpServerWrap::SetMaxPendingConnections>("setMaxPendingConnections"),
                        InstanceMethod<&TcpServerWrap::SetListenBacklogSize>("setListenBacklogSize"),
                        InstanceMethod<&TcpServerWrap::SetSocketDescriptor>("setSocketDescriptor"),
                        InstanceMethod<&TcpServerWrap::SocketDescriptor>("socketDescriptor"),
                        InstanceMethod<&TcpServerWrap::Snapshot>("snapshot"),
                        InstanceMethod<&TcpServerWrap::WaitNow>("waitNow"),
                        InstanceMethod<&TcpServerWrap::DeleteLater>("deleteLater"),
                        InstanceMethod<&TcpServerWrap::SetProxy>("setProxy"),
                    });
    // `id` as a plain getter that checks the tag (see TcpSocketWrap::Init).
    ctor.Get("prototype")
        .As<Napi::Object>()
        .DefineProperty(Napi::PropertyDescriptor::Accessor<&TcpServerWrap::IdOf>("id"));
    m.tcpServerCtor = Napi::Persistent(ctor);
    return ctor;
  }

  explicit TcpServerWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<TcpServerWrap>(info) {
    info.This().As<Napi::Object>().TypeTag(&kTag);
    Module& m = Module::of(info.Env());
    core_ = std::make_shared<TcpServerCore>(m.channel);
    m.channel->add(core_);
    auto core = core_;
    m.channel->post([core] { core->create(); });
  }

  ~TcpServerWrap() override {
    auto core = core_;
    core->channel()->postNow(
        [core] {
          core->destroyOnQt(false);
          core->channel()->remove(core->id());
        },
        core);
  }

 private:
  std::shared_ptr<TcpServerCore> core_;

  template <typename Fn>
  Napi::Value syncCall(Napi::Env env, Fn fn) {
    QVariant result;
    int32_t i[4] = {0, 0, 0, 0};
    double d[2] = {0, 0};
    std::vector<std::string> strings;
    auto core = core_;
    core->channel()->call(
        env,
        [&] {
          if (core->server) result = fn(core->server.data());
          core->fill(i, d, strings);
        },
        core);
    Napi::Array a = Napi::Array::New(env, 9);
    a.Set(0u, Napi::Number::New(env, core->seq));
    for (uint32_t k = 0; k < 3; k++) a.Set(1 + k, Napi::Number::New(env, i[k]));
    a.Set(4u, Napi::Number::New(env, d[0]));
    a.Set(5u, Napi::Number::New(env, d[1]));
    a.Set(6u, Napi::String::New(env, strings.size() > 0 ? strings[0] : ""));
    a.Set(7u, Napi::String::New(env, strings.size() > 1 ? strings[1] : ""));
    if (result.typeId() == QMetaType::Bool)
      a.Set(8u, Napi::Boolean::New(env, result.toBool()));
    else if (result.isValid())
      a.Set(8u, Napi::Number::New(env, result.toDouble()));
    else
      a.Set(8u, env.Null());
    return a;
  }

  void post(std::function<void(QTcpServer*)> fn) {
    auto core = core_;
    core->channel()->post(
        [core, fn] {
          if (core->server) fn(core->server.data());
        },
        core);
  }

  static Napi::Value IdOf(const Napi::CallbackInfo& info) {
    Napi::Value v = info.This();
    void* p = nullptr;
    if (!v.IsObject() || !v.As<Napi::Object>().CheckTypeTag(&kTag) || napi_unwrap(info.Env(), v, &p) != napi_ok)
      throw Napi::TypeError::New(info.Env(), "TcpServer.id: native server expected");
    return Napi::Number::New(info.Env(), static_cast<TcpServerWrap*>(p)->core_->id());
  }

  Napi::Value Listen(const Napi::CallbackInfo& info) {
    const QHostAddress* a = UnwrapHostAddress(info[0]);
    if (!a) throw Napi::TypeError::New(info.Env(), "listen: QHostAddress expected");
    QHostAddress addr = *a;
    quint16 port = quint16(info[1].As<Napi::Number>().Uint32Value());
    auto decided = DecidedProxies(info[2], "listen");
    return syncCall(info.Env(), [&](QTcpServer* s) {
      ArmDecision arm(decided);
      return QVariant(s->listen(addr, port));
    });
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QTcpServer* s) {
      s->close();
      return QVariant();
    });
  }

  // JS took the oldest pending connection: take it from Qt's queue too, so that Qt's
  // maxPendingConnections accounting (which pauses accepting) sees it.
  Napi::Value Take(const Napi::CallbackInfo& info) {
    post([](QTcpServer* s) { s->nextPendingConnection(); });
    return info.Env().Undefined();
  }

  Napi::Value PauseAccepting(const Napi::CallbackInfo& info) {
    // Qt dereferences the socket engine without a check: not listening, it would crash.
    post([](QTcpServer* s) {
      if (s->isListening()) s->pauseAccepting();
    });
    return info.Env().Undefined();
  }

  Napi::Value ResumeAccepting(const Napi::CallbackInfo& info) {
    post([](QTcpServer* s) {
      if (s->isListening()) s->resumeAccepting();
    });
    return info.Env().Undefined();
  }

  Napi::Value SetMaxPendingConnections(const Napi::CallbackInfo& info) {
    int n = info[0].As<Napi::Number>().Int32Value();
    return syncCall(info.Env(), [n](QTcpServer* s) {
      s->setMaxPendingConnections(n);
      return QVariant();
    });
  }

  Napi::Value SetListenBacklogSize(const Napi::CallbackInfo& info) {
    int n = info[0].As<Napi::Number>().Int32Value();
    return syncCall(info.Env(), [n](QTcpServer* s) {
      s->setListenBacklogSize(n);
      return QVariant();
    });
  }

  Napi::Value SetSocketDescriptor(const Napi::CallbackInfo& info) {
    qintptr fd = qintptr(info[0].As<Napi::Number>().Int64Value());
    return syncCall(info.Env(), [fd](QTcpServer* s) { return QVariant(s->setSocketDescriptor(fd)); });
  }

  Napi::Value SocketDescriptor(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QTcpServer* s) { return QVariant(qlonglong(s->socketDescriptor())); });
  }

  Napi::Value Snapshot(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QTcpServer*) { return QVariant(); });
  }

  // A JS-side waitForNewConnection ran out: Qt's own zero-timeout wait decides (it accepts even
  // while accepting is paused, as a blocking wait in PyQt6 does). Answers ok + 2 * timedOut.
  Napi::Value WaitNow(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QTcpServer* s) {
      bool timedOut = false;
      bool ok = s->waitForNewConnection(0, &timedOut);
      return QVariant(int(ok) + 2 * int(timedOut));
    });
  }

  Napi::Value SetProxy(const Napi::CallbackInfo& info) {
    const QNetworkProxy* p = UnwrapNetworkProxy(info[0]);
    if (!p) throw Napi::TypeError::New(info.Env(), "setProxy: QNetworkProxy expected");
    QNetworkProxy proxy = *p;
    post([proxy](QTcpServer* s) { s->setProxy(proxy); });
    return info.Env().Undefined();
  }

  Napi::Value DeleteLater(const Napi::CallbackInfo& info) {
    auto core = core_;
    core->channel()->post(
        [core] {
          core->destroyOnQt(true);
          core->channel()->remove(core->id());
        },
        core);
    return info.Env().Undefined();
  }
};

}  // namespace

Napi::Function InitTcpServer(Napi::Env env, Module& m) { return TcpServerWrap::Init(env, m); }

}  // namespace qtn
