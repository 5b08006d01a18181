// QTcpServer: the Qt-side half (TcpServerCore) and its JS object; lib/QTcpServer.ts mirrors it.
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QVariant>

#include <unistd.h>

#include <atomic>
#include <mutex>
#include <set>

#include "abstract_socket.h"
#include "handle_wrap.h"
#include "network_proxy.h"
#include "network_proxy_factory.h"
#include "protocol.h"
#include "tcp_socket.h"

namespace qtn {

namespace {

using protocol::ServerSnapshot;

class TcpServerCore;

// Accepted sockets get their Qt-side half before Qt queues them, so that the bytes they receive
// while pending reach JS, and so that JS (not the server) owns them, as nextPendingConnection's
// caller does in PyQt6.
class Server : public Counted<QTcpServer> {
 public:
  explicit Server(TcpServerCore* core) : core_(core) {}
  // Qt's is protected: a subclass's own incomingConnection calls it, here from JS. JS emits its
  // pendingConnectionAvailable itself, inside its call, as Qt does (the thread runtime would
  // deliver Qt's after the newConnection that follows).
  void addPending(QTcpSocket* socket) {
    quiet = true;
    addPendingConnection(socket);
    quiet = false;
  }
  bool quiet = false;

 protected:
  void incomingConnection(qintptr fd) override;

 private:
  TcpServerCore* core_;
};

class TcpServerCore : public QtHandle<QTcpServer> {
 public:
  using QtHandle::QtHandle;

  void create() override {
    Server* s = new Server(this);
    object = s;
    QObject::connect(s, &QTcpServer::pendingConnectionAvailable, s, [this, s] {
      if (!s->quiet) push(protocol::ServerEvent::kPendingConnectionAvailable);
    });
    QObject::connect(s, &QTcpServer::newConnection, s, [this] { push(protocol::ServerEvent::kNewConnection); });
    QObject::connect(s, &QTcpServer::acceptError, s,
                     [this](QAbstractSocket::SocketError e) { push(protocol::ServerEvent::kAcceptError, int32_t(e)); });
  }

  // A server deletes the sockets still in its pending queue: it goes before them.
  int destroyRank() const override { return 0; }

  ~TcpServerCore() override { closeUnclaimed(); }

  void destroyOnQt(bool emitSignals) override {
    QtHandle::destroyOnQt(emitSignals);
    closeUnclaimed();
  }

  // Set by JS once, at construction, when its class overrides incomingConnection: Qt's accepts then
  // go to JS as descriptors (IncomingConnection) instead of sockets. Read on the Qt side.
  std::atomic<bool> overridden{false};

  // Qt side: a descriptor Qt accepted, for JS's incomingConnection. Ours (closed with the server)
  // until JS claims it: a JS object that is gone or an environment that closes never does.
  void offer(qintptr fd) {
    {
      std::lock_guard<std::mutex> lock(fdMu_);
      unclaimed_.insert(fd);
    }
    push(protocol::ServerEvent::kIncomingConnection, int32_t(fd));
  }
  // JS side: JS owns fd from now on; false if it was not offered (or was closed meanwhile).
  bool claim(qintptr fd) {
    std::lock_guard<std::mutex> lock(fdMu_);
    return unclaimed_.erase(fd) > 0;
  }

  void push(uint32_t kind, int32_t arg = 0, std::shared_ptr<Handle> socket = nullptr) {
    Event e;
    e.handle = id();
    e.kind = kind;
    e.seq = ++seq;
    e.i[3] = arg;
    fill(e.i, e.d, e.strings);
    e.handleArg = std::move(socket);
    channel()->push(std::move(e));
  }

  // What JS mirrors (protocol.h ServerSnapshot): listening, error, port; backlog, max pending;
  // address and error string.
  void fill(int32_t* i, double* d, std::vector<std::string>& strings) const {
    QTcpServer* s = object;
    i[0] = s && s->isListening() ? 1 : 0;
    i[1] = s ? int(s->serverError()) : -1;
    i[2] = s ? s->serverPort() : 0;
    d[0] = s ? s->listenBacklogSize() : 0;
    d[1] = s ? s->maxPendingConnections() : 0;
    strings = {s ? s->serverAddress().toString().toStdString() : std::string(),
               s ? s->errorString().toStdString() : std::string()};
  }

  struct Snapshot {
    double seq = 0;
    int32_t i[4] = {0, 0, 0, 0};
    double d[2] = {0, 0};
    std::vector<std::string> strings;
    void take(const TcpServerCore& c) {
      seq = c.seq;
      c.fill(i, d, strings);
    }
    Napi::Array toJs(Napi::Env env, Napi::Value result) const {
      Napi::Array a = Napi::Array::New(env, ServerSnapshot::kLength);
      a.Set(uint32_t(ServerSnapshot::kSeq), Napi::Number::New(env, seq));
      a.Set(uint32_t(ServerSnapshot::kListening), Napi::Number::New(env, i[0]));
      a.Set(uint32_t(ServerSnapshot::kError), Napi::Number::New(env, i[1]));
      a.Set(uint32_t(ServerSnapshot::kPort), Napi::Number::New(env, i[2]));
      a.Set(uint32_t(ServerSnapshot::kBacklog), Napi::Number::New(env, d[0]));
      a.Set(uint32_t(ServerSnapshot::kMaxPending), Napi::Number::New(env, d[1]));
      a.Set(uint32_t(ServerSnapshot::kAddress), Napi::String::New(env, strings[0]));
      a.Set(uint32_t(ServerSnapshot::kErrorString), Napi::String::New(env, strings[1]));
      a.Set(uint32_t(ServerSnapshot::kResult), result);
      return a;
    }
  };

 protected:
  void pushDestroyed() override { push(protocol::ServerEvent::kDestroyed); }

 private:
  void closeUnclaimed() {
    std::lock_guard<std::mutex> lock(fdMu_);
    for (qintptr fd : unclaimed_) ::close(int(fd));
    unclaimed_.clear();
  }

  std::mutex fdMu_;  // offer() on the Qt side, claim() on the JS side (the thread runtime)
  std::set<qintptr> unclaimed_;
};

void Server::incomingConnection(qintptr fd) {
  // A JS subclass's incomingConnection decides, as a Python subclass's does in PyQt6: in the loop
  // runtime the event reaches it now, inside this call; in the thread runtime, in JS's next turn.
  if (core_->overridden.load()) {
    core_->offer(fd);
    return;
  }
  auto* s = new Counted<QTcpSocket>();
  if (!s->setSocketDescriptor(fd)) {
    delete s;
    return;
  }
  auto sc = NewAcceptedTcpSocket(core_->channel(), s);
  core_->channel()->add(sc);
  core_->push(protocol::ServerEvent::kNewPending, 0, sc);
  sc->push(protocol::SocketEvent::kEndpoint, 0, true);
  // Through a SOCKS5 BIND, Qt may learn the peer after this (without a signal): tell JS again.
  if (s->peerPort() == 0) sc->queueEndpointRefresh();
  addPendingConnection(s);
}

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<TcpServerCore>&;

int IntArg32(Info info, size_t i, const char* method) { return int(IntArg(info, i, INT32_MIN, INT32_MAX, method)); }

// listen(QHostAddress, port, decidedProxies)
Napi::Value Listen(Info info, Core core) {
  QHostAddress addr = HostAddressArg(info, 0, "listen");
  quint16 port = quint16(IntArg(info, 1, 0, 65535, "listen"));
  auto decided = DecidedProxies(info[2], "listen");
  return SyncCall(info.Env(), core, [&](QTcpServer* s) {
    ArmDecision arm(decided);
    return QVariant(s->listen(addr, port));
  });
}

Napi::Value Close(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTcpServer* s) {
    s->close();
    return QVariant();
  });
}

// JS took the oldest pending connection: take it from Qt's queue too, so that Qt's
// maxPendingConnections accounting (which pauses accepting) sees it.
Napi::Value Take(Info info, Core core) {
  PostTo(core, [](QTcpServer* s) { s->nextPendingConnection(); });
  return info.Env().Undefined();
}

Napi::Value PauseAccepting(Info info, Core core) {
  // Qt dereferences the socket engine without a check: not listening, it would crash.
  PostTo(core, [](QTcpServer* s) {
    if (s->isListening()) s->pauseAccepting();
  });
  return info.Env().Undefined();
}

Napi::Value ResumeAccepting(Info info, Core core) {
  PostTo(core, [](QTcpServer* s) {
    if (s->isListening()) s->resumeAccepting();
  });
  return info.Env().Undefined();
}

Napi::Value SetMaxPendingConnections(Info info, Core core) {
  int n = IntArg32(info, 0, "setMaxPendingConnections");
  return SyncCall(info.Env(), core, [n](QTcpServer* s) {
    s->setMaxPendingConnections(n);
    return QVariant();
  });
}

Napi::Value SetListenBacklogSize(Info info, Core core) {
  int n = IntArg32(info, 0, "setListenBacklogSize");
  return SyncCall(info.Env(), core, [n](QTcpServer* s) {
    s->setListenBacklogSize(n);
    return QVariant();
  });
}

Napi::Value SetSocketDescriptor(Info info, Core core) {
  qintptr fd = qintptr(IntArg(info, 0, -1, INT32_MAX, "setSocketDescriptor"));
  return SyncCall(info.Env(), core, [fd](QTcpServer* s) { return QVariant(s->setSocketDescriptor(fd)); });
}

Napi::Value SocketDescriptor(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTcpServer* s) { return QVariant(qlonglong(s->socketDescriptor())); });
}

Napi::Value OverrideIncoming(Info info, Core core) {
  core->overridden.store(true);
  return info.Env().Undefined();
}

Napi::Value Claim(Info info, Core core) {
  return Napi::Boolean::New(info.Env(), core->claim(qintptr(IntArg(info, 0, 0, INT32_MAX, "claim"))));
}

// addPendingConnection(socket): a socket JS made (in incomingConnection) joins Qt's queue; JS queued
// it already, and emits pendingConnectionAvailable.
Napi::Value AddPending(Info info, Core core) {
  auto socket = TcpSocketCoreOf(info[0]);
  if (!socket) throw Napi::TypeError::New(info.Env(), "addPendingConnection: native QTcpSocket expected");
  core->channel()->post(
      [core, socket] {
        auto* t = qobject_cast<QTcpSocket*>(socket->object.data());
        if (!t) return;
        if (core->object)
          static_cast<Server*>(core->object.data())->addPending(t);
        else
          delete t;  // the server went first (the thread runtime): as ~QTcpServer deletes its pending ones
      },
      core);
  return info.Env().Undefined();
}

// adoptDescriptor(fd): Qt's own incomingConnection, for a JS subclass's super.incomingConnection: a
// QTcpSocket takes fd (before anything of JS listens to it, as in Qt) and joins the pending queue,
// whatever setSocketDescriptor answered. Answers the socket's native object; null when the server
// is gone (fd is still JS's then).
Napi::Value AdoptDescriptor(Info info, Core core) {
  qintptr fd = qintptr(IntArg(info, 0, 0, INT32_MAX, "incomingConnection"));
  std::shared_ptr<AbstractSocketCore> made;
  SyncCall(info.Env(), core, [&](QTcpServer* s) {
    auto* t = new Counted<QTcpSocket>();
    t->setSocketDescriptor(fd);
    made = NewAcceptedTcpSocket(core->channel(), t);
    core->channel()->add(made);
    static_cast<Server*>(s)->addPending(t);
    return QVariant();
  });
  if (!made) return info.Env().Null();
  napi_value wrapped = made->wrap(info.Env());
  if (!wrapped) throw Napi::Error::New(info.Env(), "incomingConnection: JS cannot run now");
  return Napi::Value(info.Env(), wrapped);
}

Napi::Value Snapshot(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTcpServer*) { return QVariant(); });
}

// A JS-side waitForNewConnection ran out: Qt's own zero-timeout wait decides (it accepts even
// while accepting is paused, as a blocking wait in PyQt6 does). Answers ok + 2 * timedOut.
Napi::Value WaitNow(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTcpServer* s) {
    bool timedOut = false;
    bool ok = s->waitForNewConnection(0, &timedOut);
    return QVariant(int(ok) + 2 * int(timedOut));
  });
}

Napi::Value SetProxy(Info info, Core core) {
  const QNetworkProxy* p = UnwrapNetworkProxy(info[0]);
  if (!p) throw Napi::TypeError::New(info.Env(), "setProxy: QNetworkProxy expected");
  QNetworkProxy proxy = *p;
  PostTo(core, [proxy](QTcpServer* s) { s->setProxy(proxy); });
  return info.Env().Undefined();
}

class QTcpServerWrap : public HandleWrap<QTcpServerWrap, TcpServerCore> {
 public:
  static constexpr const char* kName = "QTcpServer";
  static constexpr napi_type_tag kTag = {0xe3a95d07c41b4f28ULL, 0x17c4f2b98a0d6e53ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<TcpServerCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<TcpServerCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<TcpServerCore>> methods = {
        {"listen", Listen},
        {"close", Close},
        {"take", Take},
        {"pauseAccepting", PauseAccepting},
        {"resumeAccepting", ResumeAccepting},
        {"setMaxPendingConnections", SetMaxPendingConnections},
        {"setListenBacklogSize", SetListenBacklogSize},
        {"setSocketDescriptor", SetSocketDescriptor},
        {"socketDescriptor", SocketDescriptor},
        {"snapshot", Snapshot},
        {"overrideIncoming", OverrideIncoming},
        {"claim", Claim},
        {"addPending", AddPending},
        {"adoptDescriptor", AdoptDescriptor},
        {"waitNow", WaitNow},
        {"setProxy", SetProxy},
    };
    Methods all;
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QTcpServerWrap::kName, &QTcpServerWrap::Init);

}  // namespace

}  // namespace qtn
