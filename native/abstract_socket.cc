#include "abstract_socket.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QVariant>

#include "host_address.h"
#include "network_proxy.h"
#include "network_proxy_factory.h"
#include "proxy_auth.h"
#include "runtime/live_count.h"

namespace qtn {

namespace {

std::string str(const QString& s) { return s.toStdString(); }

// StreamSnapshot puts endpoint()'s five strings from kLocalAddress on and the result last.
using S = protocol::SocketSnapshot;
static_assert(S::kPeerName == S::kLocalAddress + 4 && S::kResult == S::kPeerName + 1 && S::kLength == S::kResult + 1);

}  // namespace

std::vector<std::string> AbstractSocketCore::endpoint() const {
  QAbstractSocket* s = object;
  if (!s) return {"", "0", "", "0", ""};
  EndpointValues now{s->localAddress(), s->peerAddress(), s->localPort(), s->peerPort(), s->peerName()};
  if (endpointOf_ && *endpointOf_ == now) return endpoint_;
  endpoint_ = {str(now.local.toString()), std::to_string(now.localPort), str(now.peer.toString()),
               std::to_string(now.peerPort), str(now.peerName)};
  endpointOf_ = std::move(now);
  return endpoint_;
}

bool AbstractSocketCore::waitNow(QAbstractSocket* s, int which) {
  switch (which) {
    case protocol::SocketWait::kConnected:
      // 1, not 0: with 0 Qt skips the step of its blocking wait that reports a connect
      // still pending (errorOccurred(SocketTimeoutError) or the proxy's timeout error).
      return s->waitForConnected(1);
    case protocol::SocketWait::kReadyRead:
      return s->waitForReadyRead(0);
    case protocol::SocketWait::kBytesWritten:
      return s->waitForBytesWritten(0);
    case protocol::SocketWait::kDisconnected:
      return s->waitForDisconnected(0);
    default:
      return false;  // a wait of a subclass's (its override answers it)
  }
}

void AbstractSocketCore::adopt(QAbstractSocket* s) {
  wireDevice(s);
  QObject::connect(s, &QAbstractSocket::stateChanged, s, [this](QAbstractSocket::SocketState st) {
    if (st == QAbstractSocket::UnconnectedState || st == QAbstractSocket::ClosingState) {
      forwardAllIfReadable();
      queueEndpointRefresh();
    }
    // Left unconnected, JS ends its waits and holds the process for the Endpoint event: always sent.
    if (st == QAbstractSocket::UnconnectedState)
      push(protocol::SocketEvent::kStateChanged, int32_t(st), true);
    else
      pushState(protocol::SocketEvent::kStateChanged, int32_t(st), true);
  });
  QObject::connect(s, &QAbstractSocket::disconnected, s, [this] {
    queueEndpointRefresh();
    push(protocol::SocketEvent::kDisconnected);
  });
  QObject::connect(s, &QAbstractSocket::errorOccurred, s, [this](QAbstractSocket::SocketError error) {
    forwardAllIfReadable();
    pushError(int32_t(error));
  });
  if (keepBytesWrittenWired()) wireBytesWritten();
}

void AbstractSocketCore::wireSetupSignals() {
  QAbstractSocket* s = object;
  if (!s || setupWired_) return;
  setupWired_ = true;
  QObject::connect(s, &QAbstractSocket::hostFound, s, [this] { pushState(protocol::SocketEvent::kHostFound); });
  QObject::connect(
      s, &QAbstractSocket::proxyAuthenticationRequired, s, [this, s](const QNetworkProxy& proxy, QAuthenticator* auth) {
        AskForProxyCredentials(*this, s, make(protocol::SocketEvent::kProxyAuthenticationRequired), proxy, auth);
      });
  QObject::connect(s, &QAbstractSocket::connected, s, [this, s] {
    pushState(protocol::SocketEvent::kConnected, 0, true);
    // Qt supports disconnecting inside the emission, this slot's own connection included.
    setupWired_ = false;
    QObject::disconnect(s, &QAbstractSocket::hostFound, s, nullptr);
    QObject::disconnect(s, &QAbstractSocket::proxyAuthenticationRequired, s, nullptr);
    QObject::disconnect(s, &QAbstractSocket::connected, s, nullptr);
  });
}

const QHostAddress& HostAddressArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  const QHostAddress* a = UnwrapHostAddress(info[i]);
  if (!a) throw Napi::TypeError::New(info.Env(), std::string(method) + ": QHostAddress expected");
  return *a;
}

// ---- the methods of QAbstractSocket's JS objects ----

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<AbstractSocketCore>&;

auto Mode(Info info, size_t i, const char* method) {
  return QIODevice::OpenMode(int(IntArg(info, i, 0, 0xff, method)));
}
quint16 Port(Info info, size_t i, const char* method) { return quint16(IntArg(info, i, 0, 65535, method)); }

// connectToHost(host, port, openMode, protocol, decidedProxies)
Napi::Value ConnectToHost(Info info, Core core) {
  QString host = StringArg(info, 0, "connectToHost");
  quint16 port = Port(info, 1, "connectToHost");
  auto mode = Mode(info, 2, "connectToHost");
  auto proto = QAbstractSocket::NetworkLayerProtocol(IntArg(info, 3, -1, 2, "connectToHost"));
  auto decided = DecidedProxies(info[4], "connectToHost");
  return ConnectCall(info.Env(), core, decided, [&](QAbstractSocket* s) { s->connectToHost(host, port, mode, proto); });
}

// connectToAddress(QHostAddress, port, openMode, decidedProxies)
Napi::Value ConnectToAddress(Info info, Core core) {
  QHostAddress addr = HostAddressArg(info, 0, "connectToHost");
  quint16 port = Port(info, 1, "connectToHost");
  auto mode = Mode(info, 2, "connectToHost");
  auto decided = DecidedProxies(info[3], "connectToHost");
  return ConnectCall(info.Env(), core, decided, [&](QAbstractSocket* s) { s->connectToHost(addr, port, mode); });
}

Napi::Value DisconnectFromHost(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QAbstractSocket* s) {
    s->disconnectFromHost();
    return QVariant();
  });
}

// A JS-side wait ran out: let Qt decide with a zero timeout, with Qt's own side effects
// (SocketTimeoutError, the state change) instead of our imitation of them.
Napi::Value WaitNow(Info info, Core core) {
  int which = int(IntArg(info, 0, 0, protocol::SocketWait::kEncrypted, "waitNow"));
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) { return QVariant(core->waitNow(s, which)); });
}

// bind(QHostAddress, port, bindMode, decidedProxies)
Napi::Value Bind(Info info, Core core) {
  QHostAddress addr = HostAddressArg(info, 0, "bind");
  quint16 port = Port(info, 1, "bind");
  auto mode = QAbstractSocket::BindMode(int(IntArg(info, 2, 0, 0xff, "bind")));
  auto decided = DecidedProxies(info[3], "bind");
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    core->wireSetupSignals();
    ArmDecision arm(decided);
    return QVariant(s->bind(addr, port, mode));
  });
}

QAbstractSocket::SocketOption Option(Info info, const char* method) {
  return QAbstractSocket::SocketOption(IntArg(info, 0, 0, QAbstractSocket::PathMtuSocketOption, method));
}

Napi::Value SetSocketOption(Info info, Core core) {
  auto opt = Option(info, "setSocketOption");
  int value = int(IntArg(info, 1, INT32_MIN, INT32_MAX, "setSocketOption"));
  PostTo(core, [opt, value](QAbstractSocket* s) { s->setSocketOption(opt, value); });
  return info.Env().Undefined();
}

Napi::Value SocketOption(Info info, Core core) {
  auto opt = Option(info, "socketOption");
  return SyncCall(info.Env(), core, [opt](QAbstractSocket* s) { return s->socketOption(opt); });
}

// setSocketDescriptor(fd, state, openMode)
Napi::Value SetSocketDescriptor(Info info, Core core) {
  qintptr fd = qintptr(IntArg(info, 0, -1, INT32_MAX, "setSocketDescriptor"));
  auto state = QAbstractSocket::SocketState(IntArg(info, 1, 0, 6, "setSocketDescriptor"));
  auto mode = Mode(info, 2, "setSocketDescriptor");
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    core->resetFlow();
    // A descriptor still connecting may go on to emit connected().
    if (state != QAbstractSocket::ConnectedState) core->wireSetupSignals();
    return QVariant(s->setSocketDescriptor(fd, state, mode));
  });
}

Napi::Value SocketDescriptor(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QAbstractSocket* s) { return QVariant(qlonglong(s->socketDescriptor())); });
}

Napi::Value SetPauseMode(Info info, Core core) {
  auto mode = QAbstractSocket::PauseModes(int(IntArg(info, 0, 0, 1, "setPauseMode")));
  PostTo(core, [mode](QAbstractSocket* s) { s->setPauseMode(mode); });
  return info.Env().Undefined();
}

Napi::Value Resume(Info info, Core core) {
  PostTo(core, [](QAbstractSocket* s) { s->resume(); });
  return info.Env().Undefined();
}

Napi::Value Snapshot(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QAbstractSocket*) { return QVariant(); });
}

Napi::Value SetProxy(Info info, Core core) {
  const QNetworkProxy* p = UnwrapNetworkProxy(info[0]);
  if (!p) throw Napi::TypeError::New(info.Env(), "setProxy: QNetworkProxy expected");
  QNetworkProxy proxy = *p;
  PostTo(core, [proxy](QAbstractSocket* s) { s->setProxy(proxy); });
  return info.Env().Undefined();
}

Napi::Value SetProtocolTag(Info info, Core core) {
  QString tag = StringArg(info, 0, "setProtocolTag");
  PostTo(core, [tag](QAbstractSocket* s) { s->setProtocolTag(tag); });
  return info.Env().Undefined();
}

// answerProxyAuth(serial, QAuthenticator): what the proxyAuthenticationRequired slots filled.
Napi::Value AnswerProxyAuth(Info info, Core core) {
  AnswerProxyCredentials(core, uint32_t(IntArg(info, 0, 0, UINT32_MAX, "answerProxyAuth")), info[1]);
  return info.Env().Undefined();
}

// QAbstractSocket(socketType): Qt's base class made itself, as PyQt6 allows. A TcpSocket one is a
// QTcpSocket in all but its class name; for the other types Qt gives its own verdicts.
class PlainSocketCore : public AbstractSocketCore {
 public:
  PlainSocketCore(std::shared_ptr<Runtime> channel, QAbstractSocket::SocketType type)
      : AbstractSocketCore(std::move(channel)), type_(type) {}
  void create() override { adopt(new Counted<QAbstractSocket>(type_, nullptr)); }
  napi_value wrap(napi_env env) override;

 private:
  QAbstractSocket::SocketType type_;
};

class QAbstractSocketWrap : public AbstractSocketWrap<QAbstractSocketWrap> {
 public:
  static constexpr const char* kName = "QAbstractSocket";
  static constexpr napi_type_tag kTag = {0x3be1a07c52d84f96ULL, 0x8c14e9d27fa06b35ULL};

  using AbstractSocketWrap::AbstractSocketWrap;

  // new QAbstractSocket(socketType): lib/QAbstractSocket.ts checked it against the enum.
  static std::shared_ptr<AbstractSocketCore> NewCoreFor(std::shared_ptr<Runtime> channel,
                                                        const Napi::CallbackInfo& info) {
    auto type = QAbstractSocket::SocketType(IntArg(info, 0, -1, 2, "QAbstractSocket"));
    return std::make_shared<PlainSocketCore>(std::move(channel), type);
  }

  static Napi::Function Init(Napi::Env env, Module& m) { return DefineHandleClass(env, m, SocketMethods()); }
};

napi_value PlainSocketCore::wrap(napi_env env) {
  return QAbstractSocketWrap::Wrap(env, std::static_pointer_cast<AbstractSocketCore>(shared_from_this()));
}

const bool registered = RegisterHandleClass(QAbstractSocketWrap::kName, &QAbstractSocketWrap::Init);

}  // namespace

const std::vector<SocketMethod>& AbstractSocketMethods() {
  static const std::vector<SocketMethod> methods = {
      {"connectToHost", ConnectToHost},
      {"connectToAddress", ConnectToAddress},
      {"disconnectFromHost", DisconnectFromHost},
      {"waitNow", WaitNow},
      {"bind", Bind},
      {"setSocketOption", SetSocketOption},
      {"socketOption", SocketOption},
      {"setSocketDescriptor", SetSocketDescriptor},
      {"socketDescriptor", SocketDescriptor},
      {"setPauseMode", SetPauseMode},
      {"resume", Resume},
      {"snapshot", Snapshot},
      {"setProxy", SetProxy},
      {"setProtocolTag", SetProtocolTag},
      {"answerProxyAuth", AnswerProxyAuth},
  };
  return methods;
}

}  // namespace qtn
