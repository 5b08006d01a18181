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
#include "tcp_server.h"
#include "tcp_socket.h"

namespace qtn {

using protocol::ServerSnapshot;

void TcpServerCore::create() {
  QTcpServer* s = make();
  object = s;
  QObject::connect(s, &QTcpServer::pendingConnectionAvailable, s, [this] {
    if (!quiet_) pendingFromQt();
  });
  QObject::connect(s, &QTcpServer::newConnection, s, [this] { push(protocol::ServerEvent::kNewConnection); });
  QObject::connect(s, &QTcpServer::acceptError, s,
                   [this](QAbstractSocket::SocketError e) { push(protocol::ServerEvent::kAcceptError, int32_t(e)); });
}

void TcpServerCore::offer(qintptr fd) {
  {
    std::lock_guard<std::mutex> lock(fdMu_);
    unclaimed_.insert(fd);
  }
  push(protocol::ServerEvent::kIncomingConnection, int32_t(fd));
}

bool TcpServerCore::claim(qintptr fd) {
  std::lock_guard<std::mutex> lock(fdMu_);
  return unclaimed_.erase(fd) > 0;
}

void TcpServerCore::push(uint32_t kind, int32_t arg, std::shared_ptr<Handle> socket) {
  Event e;
  e.handle = id();
  e.kind = kind;
  e.seq = ++seq;
  e.i[3] = arg;
  fill(e.i, e.d, e.strings);
  e.handleArg = std::move(socket);
  channel()->push(std::move(e));
}

void TcpServerCore::fill(int32_t* i, double* d, std::vector<std::string>& strings) const {
  QTcpServer* s = object;
  i[0] = s && s->isListening() ? 1 : 0;
  i[1] = s ? int(s->serverError()) : -1;
  i[2] = s ? s->serverPort() : 0;
  d[0] = s ? s->listenBacklogSize() : 0;
  d[1] = s ? s->maxPendingConnections() : 0;
  strings = {s ? s->serverAddress().toString().toStdString() : std::string(),
             s ? s->errorString().toStdString() : std::string()};
}

Napi::Array TcpServerCore::Snapshot::toJs(Napi::Env env, Napi::Value result) const {
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

void TcpServerCore::closeUnclaimed() {
  std::lock_guard<std::mutex> lock(fdMu_);
  for (qintptr fd : unclaimed_) ::close(int(fd));
  unclaimed_.clear();
}

void TcpServerCore::incoming(qintptr fd) {
  // A JS subclass's incomingConnection decides, as a Python subclass's does in PyQt6: in the loop
  // runtime the event reaches it now, inside this call; in the thread runtime, in JS's next turn.
  if (overridden.load()) {
    offer(fd);
    return;
  }
  accept(fd, false);
}

// Accepted sockets get their Qt-side half before Qt queues them, so that the bytes they receive
// while pending reach JS, and so that JS (not the server) owns them, as nextPendingConnection's
// caller does in PyQt6.
std::shared_ptr<Handle> TcpServerCore::accept(qintptr fd, bool fromJs) {
  auto* s = new Counted<QTcpSocket>();
  // Qt's own incomingConnection, for JS's super.incomingConnection, queues the socket whatever
  // setSocketDescriptor answered.
  if (!s->setSocketDescriptor(fd) && !fromJs) {
    delete s;
    return nullptr;
  }
  auto sc = NewAcceptedTcpSocket(channel(), s);
  channel()->add(sc);
  if (fromJs) {
    addPendingQuietly(s);
    return sc;
  }
  push(protocol::ServerEvent::kNewPending, 0, sc);
  sc->push(protocol::SocketEvent::kEndpoint, 0, true);
  // Through a SOCKS5 BIND, Qt may learn the peer after this (without a signal): tell JS again.
  if (s->peerPort() == 0) sc->queueEndpointRefresh();
  addPendingToQt(s);
  return nullptr;
}

namespace {

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
  // Parentless: a QSslServer's own sockets are its children, and a socket handed out is its holder's.
  PostTo(core, [](QTcpServer* s) {
    if (QTcpSocket* t = s->nextPendingConnection()) t->setParent(nullptr);
  });
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
          core->addPendingQuietly(t);
        else
          delete t;  // the server went first (the thread runtime): as ~QTcpServer deletes its pending ones
      },
      core);
  return info.Env().Undefined();
}

// adoptDescriptor(fd): Qt's own incomingConnection, for a JS subclass's super.incomingConnection.
// QTcpServer's: a QTcpSocket takes fd (before anything of JS listens to it, as in Qt) and joins the
// pending queue, whatever setSocketDescriptor answered; answers the socket's native object. Null
// when the server is gone (fd is still JS's then), or when the socket reaches JS by an event of its
// own (QSslServer's, once encrypted).
Napi::Value AdoptDescriptor(Info info, Core core) {
  qintptr fd = qintptr(IntArg(info, 0, 0, INT32_MAX, "incomingConnection"));
  std::shared_ptr<Handle> made;
  bool alive = false;
  SyncCall(info.Env(), core, [&](QTcpServer*) {
    alive = true;
    made = core->accept(fd, true);
    return QVariant();
  });
  if (!alive) return info.Env().Null();
  if (!made) return info.Env().Undefined();
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

}  // namespace

const std::vector<CoreMethod<TcpServerCore>>& TcpServerMethods() {
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
  return methods;
}

namespace {

class QTcpServerWrap : public HandleWrap<QTcpServerWrap, TcpServerCore> {
 public:
  static constexpr const char* kName = "QTcpServer";
  static constexpr napi_type_tag kTag = {0xe3a95d07c41b4f28ULL, 0x17c4f2b98a0d6e53ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<TcpServerCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<TcpServerCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    Methods all;
    AddCoreMethods(all, TcpServerMethods());
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QTcpServerWrap::kName, &QTcpServerWrap::Init);

}  // namespace

}  // namespace qtn
