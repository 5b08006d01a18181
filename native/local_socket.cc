#include "local_socket.h"

#include <QVariant>

namespace qtn {

namespace {
using Ev = protocol::SocketEvent;
// StreamSnapshot lays a QLocalSocket's answer out as SocketSnapshot's first positions, its strings
// after them and the result last: protocol.h's LocalSocketSnapshot must say the same.
using L = protocol::LocalSocketSnapshot;
using S = protocol::SocketSnapshot;
static_assert(L::kSeq == S::kSeq && L::kState == S::kState && L::kOpenMode == S::kOpenMode && L::kError == S::kError &&
              L::kErrorString == S::kErrorString && L::kBytesToWrite == S::kBytesToWrite && L::kTaken == S::kTaken &&
              L::kServerName == S::kLocalAddress && L::kResult == L::kSocketOptions + 1 &&
              L::kLength == L::kResult + 1);
}  // namespace

void LocalSocketCore::create() { adopt(new Counted<QLocalSocket>()); }

void LocalSocketCore::adopt(QLocalSocket* s) {
  wireDevice(s);
  QObject::connect(s, &QLocalSocket::stateChanged, s, [this](QLocalSocket::LocalSocketState st) {
    if (st == QLocalSocket::UnconnectedState || st == QLocalSocket::ClosingState) {
      forwardAllIfReadable();
      queueEndpointRefresh();
    }
    push(Ev::kStateChanged, int32_t(st), true);
  });
  QObject::connect(s, &QLocalSocket::connected, s, [this] { push(Ev::kConnected, 0, true); });
  QObject::connect(s, &QLocalSocket::disconnected, s, [this] {
    queueEndpointRefresh();
    push(Ev::kDisconnected, 0, true);
  });
  QObject::connect(s, &QLocalSocket::errorOccurred, s, [this](QLocalSocket::LocalSocketError error) {
    forwardAllIfReadable();
    pushError(int32_t(error));
  });
}

std::vector<std::string> LocalSocketCore::endpoint() const {
  QLocalSocket* s = object;
  if (!s) return {"", "", "0"};
  return {s->serverName().toStdString(), s->fullServerName().toStdString(), std::to_string(int(s->socketOptions()))};
}

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<LocalSocketCore>&;

QIODevice::OpenMode Mode(Info info, size_t i, const char* method) {
  return QIODevice::OpenMode(int(IntArg(info, i, 0, 0xff, method)));
}

// connectToServer(name | null, openMode): null connects to the name set with setServerName.
Napi::Value ConnectToServer(Info info, Core core) {
  bool named = !info[0].IsNull() && !info[0].IsUndefined();
  QString name = named ? StringArg(info, 0, "connectToServer") : QString();
  auto mode = Mode(info, 1, "connectToServer");
  return SyncCall(info.Env(), core, [&](QLocalSocket* s) {
    double before = core->seq;  // as Abort's (io_device.h)
    core->resetFlow();
    if (named)
      s->connectToServer(name, mode);
    else
      s->connectToServer(mode);
    return QVariant(before);
  });
}

Napi::Value SetServerName(Info info, Core core) {
  QString name = StringArg(info, 0, "setServerName");
  return SyncCall(info.Env(), core, [&](QLocalSocket* s) {
    s->setServerName(name);
    return QVariant();
  });
}

Napi::Value SetSocketOptions(Info info, Core core) {
  auto options = QLocalSocket::SocketOptions(int(IntArg(info, 0, 0, 1, "setSocketOptions")));
  return SyncCall(info.Env(), core, [&](QLocalSocket* s) {
    s->setSocketOptions(options);
    return QVariant();
  });
}

Napi::Value DisconnectFromServer(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QLocalSocket* s) {
    s->disconnectFromServer();
    return QVariant();
  });
}

// A JS-side wait ran out: Qt decides with a zero timeout, with its own side effects.
Napi::Value WaitNow(Info info, Core core) {
  auto which = protocol::SocketWait::Value(IntArg(info, 0, 0, 3, "waitNow"));
  return SyncCall(info.Env(), core, [which](QLocalSocket* s) {
    switch (which) {
      case protocol::SocketWait::kConnected:
        return QVariant(s->waitForConnected(0));
      case protocol::SocketWait::kReadyRead:
        return QVariant(s->waitForReadyRead(0));
      case protocol::SocketWait::kBytesWritten:
        return QVariant(s->waitForBytesWritten(0));
      default:
        return QVariant(s->waitForDisconnected(0));
    }
  });
}

// setSocketDescriptor(fd, state, openMode)
Napi::Value SetSocketDescriptor(Info info, Core core) {
  qintptr fd = qintptr(IntArg(info, 0, -1, INT32_MAX, "setSocketDescriptor"));
  auto state = QLocalSocket::LocalSocketState(IntArg(info, 1, 0, 6, "setSocketDescriptor"));
  auto mode = Mode(info, 2, "setSocketDescriptor");
  return SyncCall(info.Env(), core, [&](QLocalSocket* s) {
    core->resetFlow();
    return QVariant(s->setSocketDescriptor(fd, state, mode));
  });
}

Napi::Value SocketDescriptor(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QLocalSocket* s) { return QVariant(qlonglong(s->socketDescriptor())); });
}

Napi::Value Snapshot(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QLocalSocket*) { return QVariant(); });
}

class QLocalSocketWrap : public StreamWrap<QLocalSocketWrap, LocalSocketCore> {
 public:
  static constexpr const char* kName = "QLocalSocket";
  static constexpr napi_type_tag kTag = {0x7d2c49b1e05a4f86ULL, 0xc41e9a3f62b80d57ULL};

  using StreamWrap::StreamWrap;

  static std::shared_ptr<LocalSocketCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<LocalSocketCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<LocalSocketCore>> methods = {
        {"connectToServer", ConnectToServer},
        {"setServerName", SetServerName},
        {"setSocketOptions", SetSocketOptions},
        {"disconnectFromServer", DisconnectFromServer},
        {"waitNow", WaitNow},
        {"setSocketDescriptor", SetSocketDescriptor},
        {"socketDescriptor", SocketDescriptor},
        {"snapshot", Snapshot},
    };
    Methods all;
    AddStreamMethods(all);
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QLocalSocketWrap::kName, &QLocalSocketWrap::Init);

}  // namespace

napi_value LocalSocketCore::wrap(napi_env env) {
  return QLocalSocketWrap::Wrap(env, std::static_pointer_cast<LocalSocketCore>(shared_from_this()));
}

}  // namespace qtn
