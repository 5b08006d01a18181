#include "tcp_socket.h"

#include <QByteArray>
#include <QHostAddress>
#include <QVariant>

#include <algorithm>
#include <cstdlib>

#include "host_address.h"
#include "network_proxy.h"
#include "network_proxy_factory.h"
#include "proxy_auth.h"
#include "runtime/qt_thread.h"

namespace qtn {

namespace {

// What Qt may buffer in the socket before we move it to JS, and what JS may hold unread before the
// Qt side stops reading (then TCP backpressure reaches the peer). setReadBufferSize(n > 0) lowers both.
constexpr int64_t kQtChunk = 1 << 20;
constexpr int64_t kDefaultLimit = 16 << 20;

std::string str(const QString& s) { return s.toStdString(); }

// A sync call's answer: the socket as Qt had it when the call finished, taken on the Qt thread
// (it moves on as soon as the call returns), in the order lib/QAbstractSocket.ts reads it.
struct SocketSnapshot {
  double seq = 0;
  int32_t state = 0, openMode = 0, error = -1;
  std::string errorString = "Unknown error";
  double bytesToWrite = 0, taken = 0;
  std::vector<std::string> endpoint;

  void take(const TcpSocketCore& c) {
    QAbstractSocket* s = c.sock;
    seq = c.seq;
    state = c.packedState();
    endpoint = c.endpoint();
    taken = double(c.accepted);
    if (!s) return;
    openMode = int(s->openMode());
    error = int(s->error());
    errorString = str(s->errorString());
    bytesToWrite = double(s->bytesToWrite());
  }

  Napi::Array toJs(Napi::Env env, Napi::Value result) const {
    Napi::Array a = Napi::Array::New(env, 13);
    a.Set(0u, Napi::Number::New(env, seq));
    a.Set(1u, Napi::Number::New(env, state));
    a.Set(2u, Napi::Number::New(env, openMode));
    a.Set(3u, Napi::Number::New(env, error));
    a.Set(4u, Napi::String::New(env, errorString));
    a.Set(5u, Napi::Number::New(env, bytesToWrite));
    a.Set(6u, Napi::Number::New(env, taken));
    for (uint32_t k = 0; k < endpoint.size(); k++) a.Set(7 + k, Napi::String::New(env, endpoint[k]));
    a.Set(12u, result);
    return a;
  }
};

}  // namespace

int32_t TcpSocketCore::packedState() const {
  QAbstractSocket* s = sock;
  if (!s) return 0;
  // The state, with isValid() (the socket has a descriptor) in bit 4.
  return int32_t(s->state()) | (s->isValid() ? 0x10 : 0);
}

std::vector<std::string> TcpSocketCore::endpoint() const {
  QAbstractSocket* s = sock;
  if (!s) return {"", "0", "", "0", ""};
  return {str(s->localAddress().toString()), std::to_string(s->localPort()), str(s->peerAddress().toString()),
          std::to_string(s->peerPort()), str(s->peerName())};
}

Event TcpSocketCore::make(uint32_t kind, int32_t arg, bool withEndpoint) {
  Event e;
  e.handle = id_;
  e.kind = kind;
  e.seq = ++seq;
  QAbstractSocket* s = sock;
  e.i[0] = packedState();
  e.i[1] = s ? int(s->openMode()) : 0;
  e.i[2] = s ? int(s->error()) : -1;
  e.i[3] = arg;
  e.d[0] = s ? double(s->bytesToWrite()) : 0;
  e.d[1] = double(accepted);
  if (withEndpoint) e.strings = endpoint();
  return e;
}

void TcpSocketCore::pushError() {
  Event e;
  e.handle = id_;
  e.kind = kErrorOccurred;
  e.seq = ++seq;
  QAbstractSocket* s = sock;
  e.i[0] = packedState();
  e.i[1] = s ? int(s->openMode()) : 0;
  e.i[2] = s ? int(s->error()) : -1;
  e.i[3] = e.i[2];
  e.d[0] = s ? double(s->bytesToWrite()) : 0;
  e.d[1] = double(accepted);
  e.strings = {s ? str(s->errorString()) : std::string()};
  channel_->push(std::move(e));
}

void TcpSocketCore::forward(bool all) {
  QAbstractSocket* s = sock;
  while (s) {
    qint64 avail = s->bytesAvailable();
    if (avail <= 0) break;
    qint64 room = all ? avail : std::min<qint64>(avail, limit - inFlight);
    if (room <= 0) break;
    // QIODevice::read(n) hands over the chunk Qt read from the kernel when n covers it: no copy.
    QByteArray chunk = s->read(room);
    if (chunk.isEmpty()) break;
    qint64 n = chunk.size();
    inFlight += n;
    Event e;
    e.handle = id_;
    e.kind = kReadyRead;
    e.seq = ++seq;
    e.i[0] = packedState();
    e.i[1] = int(s->openMode());
    e.i[2] = int(s->error());
    e.d[0] = double(s->bytesToWrite());
    e.d[1] = double(accepted);
    e.bytes = std::move(chunk);
    channel_->push(std::move(e));
  }
}

void TcpSocketCore::queueEndpointRefresh() {
  // Qt clears the addresses after it emits disconnected(); send them once the call stack unwinds.
  if (refreshQueued || !sock) return;
  refreshQueued = true;
  QtThread::beforePoll([core = std::weak_ptr<Handle>(shared_from_this()), s = QPointer<QAbstractSocket>(sock)] {
    auto self = std::static_pointer_cast<TcpSocketCore>(core.lock());
    if (!self || !s || self->sock != s) return;
    self->refreshQueued = false;
    self->push(kEndpoint, 0, true);
  });
}

void TcpSocketCore::setReadLimit(int64_t size) {
  limit = size > 0 ? size : kDefaultLimit;
  if (sock) sock->setReadBufferSize(size > 0 ? std::min(size, kQtChunk) : kQtChunk);
  forward(false);
}

void TcpSocketCore::resetFlow() { inFlight = 0; }

void TcpSocketCore::released(int64_t n) {
  inFlight = std::max<int64_t>(0, inFlight - n);
  forward(false);
}

void TcpSocketCore::create() { adopt(new Counted<QTcpSocket>()); }

void TcpSocketCore::afterCommands() {
  // What JS wrote in this batch goes to the kernel now, as Qt's next turn of its event loop would
  // send it (flush() is that same step), not one poll later: a round trip costs one turn less.
  QAbstractSocket* s = sock;
  if (s && s->socketType() == QAbstractSocket::TcpSocket && s->state() == QAbstractSocket::ConnectedState &&
      s->bytesToWrite() > 0)
    s->flush();
}

void TcpSocketCore::adopt(QAbstractSocket* s) {
  sock = s;
  if (limit == 0) limit = kDefaultLimit;
  s->setReadBufferSize(kQtChunk);
  QObject::connect(s, &QAbstractSocket::stateChanged, s, [this](QAbstractSocket::SocketState st) {
    if (st == QAbstractSocket::UnconnectedState || st == QAbstractSocket::ClosingState) {
      if (sock && sock->isReadable()) forward(true);
      queueEndpointRefresh();
    }
    push(kStateChanged, int32_t(st), true);
  });
  QObject::connect(s, &QAbstractSocket::disconnected, s, [this] {
    queueEndpointRefresh();
    push(kDisconnected);
  });
  QObject::connect(s, &QAbstractSocket::errorOccurred, s, [this](QAbstractSocket::SocketError) {
    if (sock && sock->isReadable()) forward(true);
    pushError();
  });
  QObject::connect(s, &QIODevice::readyRead, s, [this] { forward(false); });
  if (s->socketType() != QAbstractSocket::TcpSocket) wireBytesWritten();
  QObject::connect(s, &QIODevice::aboutToClose, s, [this] { push(kAboutToClose); });
  QObject::connect(s, &QIODevice::readChannelFinished, s, [this] {
    if (sock && sock->isReadable()) forward(true);
    push(kReadChannelFinished);
  });
}

void TcpSocketCore::wireSetupSignals() {
  QAbstractSocket* s = sock;
  if (!s || setupWired) return;
  setupWired = true;
  QObject::connect(s, &QAbstractSocket::hostFound, s, [this] { push(kHostFound); });
  QObject::connect(s, &QAbstractSocket::proxyAuthenticationRequired, s,
                   [this, s](const QNetworkProxy& proxy, QAuthenticator* auth) {
                     AskForProxyCredentials(*this, s, make(kProxyAuthenticationRequired), proxy, auth);
                   });
  QObject::connect(s, &QAbstractSocket::connected, s, [this, s] {
    push(kConnected, 0, true);
    // Qt supports disconnecting inside the emission, this slot's own connection included.
    setupWired = false;
    QObject::disconnect(s, &QAbstractSocket::hostFound, s, nullptr);
    QObject::disconnect(s, &QAbstractSocket::proxyAuthenticationRequired, s, nullptr);
    QObject::disconnect(s, &QAbstractSocket::connected, s, nullptr);
  });
}

void TcpSocketCore::wireBytesWritten() {
  QAbstractSocket* s = sock;
  if (!s || bytesWrittenWired) return;
  bytesWrittenWired = true;
  QObject::connect(s, &QIODevice::bytesWritten, s, [this, s](qint64 n) {
    channel_->push(make(kBytesWritten, int32_t(n)), !watchBytesWritten.load(std::memory_order_relaxed));
    if (s->socketType() == QAbstractSocket::TcpSocket && s->bytesToWrite() == 0) {
      bytesWrittenWired = false;
      QObject::disconnect(s, &QIODevice::bytesWritten, s, nullptr);
    }
  });
}

void TcpSocketCore::destroyOnQt(bool emitSignals) {
  QAbstractSocket* s = sock;
  if (!s) return;
  // ~QAbstractSocket aborts and emits; forward that only to a JS object that is still there.
  if (!emitSignals) QObject::disconnect(s, nullptr, nullptr, nullptr);
  delete s;
  sock = nullptr;
  if (emitSignals) push(kDestroyed);
}

Napi::Value SocketSyncCall(Napi::Env env, const std::shared_ptr<TcpSocketCore>& core,
                           const std::function<QVariant(QAbstractSocket*)>& fn) {
  QVariant result;
  SocketSnapshot snap;
  uint64_t token = core->syncToken();
  core->channel()->call(
      env,
      [&] {
        if (core->sock) result = fn(core->sock.data());
        snap.take(*core);
        core->afterSyncCall(token);
      },
      core);
  Napi::Value r = env.Null();
  if (result.typeId() == QMetaType::Bool)
    r = Napi::Boolean::New(env, result.toBool());
  else if (result.isValid())
    r = Napi::Number::New(env, result.toDouble());
  return snap.toJs(env, r);
}

// ---- JS wrapper ----

class TcpSocketWrap : public Napi::ObjectWrap<TcpSocketWrap> {
 public:
  // Marks the objects our constructor made, so UnwrapSocketCore never reads a foreign object.
  static constexpr napi_type_tag kTag = {0x51c0e7a2d94b4f13ULL, 0xa7e2f60b38c5d914ULL};

  static std::shared_ptr<TcpSocketCore> CoreOf(Napi::Value v) {
    if (!v.IsObject() || !v.As<Napi::Object>().CheckTypeTag(&kTag)) return nullptr;
    return Unwrap(v.As<Napi::Object>())->core_;
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = DefineClass(env, "TcpSocket",
                                      {
                                          InstanceMethod<&TcpSocketWrap::ConnectToHost>("connectToHost"),
                                          InstanceMethod<&TcpSocketWrap::ConnectToAddress>("connectToAddress"),
                                          InstanceMethod<&TcpSocketWrap::Write>("write"),
                                          InstanceMethod<&TcpSocketWrap::Ack>("ack"),
                                          InstanceMethod<&TcpSocketWrap::SetReadLimit>("setReadLimit"),
                                          InstanceMethod<&TcpSocketWrap::DisconnectFromHost>("disconnectFromHost"),
                                          InstanceMethod<&TcpSocketWrap::Close>("close"),
                                          InstanceMethod<&TcpSocketWrap::Abort>("abort"),
                                          InstanceMethod<&TcpSocketWrap::Flush>("flush"),
                                          InstanceMethod<&TcpSocketWrap::WaitNow>("waitNow"),
                                          InstanceMethod<&TcpSocketWrap::Bind>("bind"),
                                          InstanceMethod<&TcpSocketWrap::SetSocketOption>("setSocketOption"),
                                          InstanceMethod<&TcpSocketWrap::SocketOption>("socketOption"),
                                          InstanceMethod<&TcpSocketWrap::SetSocketDescriptor>("setSocketDescriptor"),
                                          InstanceMethod<&TcpSocketWrap::SocketDescriptor>("socketDescriptor"),
                                          InstanceMethod<&TcpSocketWrap::SetPauseMode>("setPauseMode"),
                                          InstanceMethod<&TcpSocketWrap::Resume>("resume"),
                                          InstanceMethod<&TcpSocketWrap::Snapshot>("snapshot"),
                                          InstanceMethod<&TcpSocketWrap::DeleteLater>("deleteLater"),
                                          InstanceMethod<&TcpSocketWrap::SetProxy>("setProxy"),
                                          InstanceMethod<&TcpSocketWrap::SetProtocolTag>("setProtocolTag"),
                                          InstanceMethod<&TcpSocketWrap::AnswerProxyAuth>("answerProxyAuth"),
                                          InstanceMethod<&TcpSocketWrap::WatchBytesWritten>("watchBytesWritten"),
                                      });
    // `id` as a plain getter that checks the tag: ObjectWrap's InstanceAccessor (unlike its
    // methods, which V8 checks against the class) reads any wrapped object as one of ours.
    ctor.Get("prototype")
        .As<Napi::Object>()
        .DefineProperty(Napi::PropertyDescriptor::Accessor<&TcpSocketWrap::IdOf>("id"));
    m.tcpSocketCtor = Napi::Persistent(ctor);
    return ctor;
  }

  explicit TcpSocketWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<TcpSocketWrap>(info) {
    Module& m = Module::of(info.Env());
    if (info.Length() == 1 && info[0].IsExternal()) {
      info.This().As<Napi::Object>().TypeTag(&kTag);
      // A socket the Qt thread made (an accepted connection); it is registered already.
      core_ = *info[0].As<Napi::External<std::shared_ptr<TcpSocketCore>>>().Data();
      return;
    }
    info.This().As<Napi::Object>().TypeTag(&kTag);
    // new TcpSocket(1): a QUdpSocket (QAbstractSocket::UdpSocket) behind the same interface.
    bool udp = info.Length() >= 1 && info[0].IsNumber() && info[0].As<Napi::Number>().Int32Value() == 1;
    core_ = udp ? NewUdpSocketCore(m.channel) : std::make_shared<TcpSocketCore>(m.channel);
    m.channel->add(core_);
    auto core = core_;
    m.channel->post([core] { core->create(); });
  }

  ~TcpSocketWrap() override {
    // The JS object is gone: free the QObject on the Qt thread (unless deleteLater did already).
    auto core = core_;
    const auto& ch = core->channel();
    ch->postNow(
        [core] {
          core->destroyOnQt(false);
          core->channel()->remove(core->id());
        },
        core);
  }

 private:
  std::shared_ptr<TcpSocketCore> core_;

  EnvChannel& ch() { return *core_->channel(); }

  template <typename Fn>
  Napi::Value syncCall(Napi::Env env, Fn fn) {
    return SocketSyncCall(env, core_, fn);
  }

  static Napi::Value IdOf(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), UnwrapSocketCore(info.This(), "TcpSocket.id")->id());
  }

  Napi::Value ConnectToHost(const Napi::CallbackInfo& info) {
    std::string host = info[0].As<Napi::String>();
    quint16 port = quint16(info[1].As<Napi::Number>().Uint32Value());
    auto mode = QIODevice::OpenMode(info[2].As<Napi::Number>().Int32Value());
    auto proto = QAbstractSocket::NetworkLayerProtocol(info[3].As<Napi::Number>().Int32Value());
    auto decided = DecidedProxies(info[4], "connectToHost");
    auto core = core_;
    return syncCall(info.Env(), [&](QAbstractSocket* s) {
      core->resetFlow();
      core->wireSetupSignals();
      ArmDecision arm(decided);
      s->connectToHost(QString::fromStdString(host), port, mode, proto);
      return QVariant();
    });
  }

  Napi::Value ConnectToAddress(const Napi::CallbackInfo& info) {
    const QHostAddress* a = UnwrapHostAddress(info[0]);
    if (!a) throw Napi::TypeError::New(info.Env(), "connectToHost: QHostAddress expected");
    QHostAddress addr = *a;
    quint16 port = quint16(info[1].As<Napi::Number>().Uint32Value());
    auto mode = QIODevice::OpenMode(info[2].As<Napi::Number>().Int32Value());
    auto decided = DecidedProxies(info[3], "connectToHost");
    auto core = core_;
    return syncCall(info.Env(), [&](QAbstractSocket* s) {
      core->resetFlow();
      core->wireSetupSignals();
      ArmDecision arm(decided);
      s->connectToHost(addr, port, mode);
      return QVariant();
    });
  }

  Napi::Value Write(const Napi::CallbackInfo& info) {
    auto buf = info[0].As<Napi::Buffer<char>>();
    QByteArray bytes(buf.Data(), qsizetype(buf.Length()));
    auto core = core_;
    ch().post(
        [core, bytes] {
          if (!core->sock) return;
          core->wireBytesWritten();
          qint64 n = core->sock->write(bytes);
          if (n > 0) {
            core->accepted += n;
            core->channel()->flushAfterCommands(core);
          }
        },
        core);
    return info.Env().Undefined();
  }

  Napi::Value WatchBytesWritten(const Napi::CallbackInfo& info) {
    core_->watchBytesWritten.store(info[0].ToBoolean(), std::memory_order_relaxed);
    return info.Env().Undefined();
  }

  Napi::Value Ack(const Napi::CallbackInfo& info) {
    int64_t n = info[0].As<Napi::Number>().Int64Value();
    auto core = core_;
    ch().post([core, n] { core->released(n); }, core, true);
    return info.Env().Undefined();
  }

  Napi::Value SetReadLimit(const Napi::CallbackInfo& info) {
    int64_t n = info[0].As<Napi::Number>().Int64Value();
    auto core = core_;
    ch().post([core, n] { core->setReadLimit(n); }, core);
    return info.Env().Undefined();
  }

  Napi::Value DisconnectFromHost(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QAbstractSocket* s) {
      s->disconnectFromHost();
      return QVariant();
    });
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    auto core = core_;
    return syncCall(info.Env(), [core](QAbstractSocket* s) {
      s->close();
      core->resetFlow();
      return QVariant();
    });
  }

  Napi::Value Abort(const Napi::CallbackInfo& info) {
    auto core = core_;
    return syncCall(info.Env(), [core](QAbstractSocket* s) {
      s->abort();
      core->resetFlow();
      return QVariant();
    });
  }

  Napi::Value Flush(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QAbstractSocket* s) { return QVariant(s->flush()); });
  }

  // A JS-side wait ran out: let Qt decide with a zero timeout, with Qt's own side effects
  // (SocketTimeoutError, the state change) instead of our imitation of them.
  Napi::Value WaitNow(const Napi::CallbackInfo& info) {
    int which = info[0].As<Napi::Number>().Int32Value();
    return syncCall(info.Env(), [which](QAbstractSocket* s) {
      switch (which) {
        case 0:
          // 1, not 0: with 0 Qt skips the step of its blocking wait that reports a connect
          // still pending (errorOccurred(SocketTimeoutError) or the proxy's timeout error).
          return QVariant(s->waitForConnected(1));
        case 1:
          return QVariant(s->waitForReadyRead(0));
        case 2:
          return QVariant(s->waitForBytesWritten(0));
        default:
          return QVariant(s->waitForDisconnected(0));
      }
    });
  }

  Napi::Value Bind(const Napi::CallbackInfo& info) {
    const QHostAddress* a = UnwrapHostAddress(info[0]);
    if (!a) throw Napi::TypeError::New(info.Env(), "bind: QHostAddress expected");
    QHostAddress addr = *a;
    quint16 port = quint16(info[1].As<Napi::Number>().Uint32Value());
    auto mode = QAbstractSocket::BindMode(info[2].As<Napi::Number>().Int32Value());
    auto decided = DecidedProxies(info[3], "bind");
    auto core = core_;
    return syncCall(info.Env(), [&](QAbstractSocket* s) {
      core->wireSetupSignals();
      ArmDecision arm(decided);
      return QVariant(s->bind(addr, port, mode));
    });
  }

  Napi::Value SetSocketOption(const Napi::CallbackInfo& info) {
    auto opt = QAbstractSocket::SocketOption(info[0].As<Napi::Number>().Int32Value());
    int value = info[1].As<Napi::Number>().Int32Value();
    auto core = core_;
    ch().post(
        [core, opt, value] {
          if (core->sock) core->sock->setSocketOption(opt, value);
        },
        core);
    return info.Env().Undefined();
  }

  Napi::Value SocketOption(const Napi::CallbackInfo& info) {
    auto opt = QAbstractSocket::SocketOption(info[0].As<Napi::Number>().Int32Value());
    return syncCall(info.Env(), [opt](QAbstractSocket* s) { return s->socketOption(opt); });
  }

  Napi::Value SetSocketDescriptor(const Napi::CallbackInfo& info) {
    qintptr fd = qintptr(info[0].As<Napi::Number>().Int64Value());
    auto state = QAbstractSocket::SocketState(info[1].As<Napi::Number>().Int32Value());
    auto mode = QIODevice::OpenMode(info[2].As<Napi::Number>().Int32Value());
    auto core = core_;
    return syncCall(info.Env(), [&](QAbstractSocket* s) {
      core->resetFlow();
      // A descriptor still connecting may go on to emit connected().
      if (state != QAbstractSocket::ConnectedState) core->wireSetupSignals();
      return QVariant(s->setSocketDescriptor(fd, state, mode));
    });
  }

  Napi::Value SocketDescriptor(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QAbstractSocket* s) { return QVariant(qlonglong(s->socketDescriptor())); });
  }

  Napi::Value SetPauseMode(const Napi::CallbackInfo& info) {
    auto mode = QAbstractSocket::PauseModes(info[0].As<Napi::Number>().Int32Value());
    auto core = core_;
    ch().post(
        [core, mode] {
          if (core->sock) core->sock->setPauseMode(mode);
        },
        core);
    return info.Env().Undefined();
  }

  Napi::Value Resume(const Napi::CallbackInfo& info) {
    auto core = core_;
    ch().post(
        [core] {
          if (core->sock) core->sock->resume();
        },
        core);
    return info.Env().Undefined();
  }

  Napi::Value Snapshot(const Napi::CallbackInfo& info) {
    return syncCall(info.Env(), [](QAbstractSocket*) { return QVariant(); });
  }

  Napi::Value SetProxy(const Napi::CallbackInfo& info) {
    const QNetworkProxy* p = UnwrapNetworkProxy(info[0]);
    if (!p) throw Napi::TypeError::New(info.Env(), "setProxy: QNetworkProxy expected");
    QNetworkProxy proxy = *p;
    auto core = core_;
    ch().post(
        [core, proxy] {
          if (core->sock) core->sock->setProxy(proxy);
        },
        core);
    return info.Env().Undefined();
  }

  Napi::Value SetProtocolTag(const Napi::CallbackInfo& info) {
    QString tag = QString::fromStdU16String(info[0].As<Napi::String>().Utf16Value());
    auto core = core_;
    ch().post(
        [core, tag] {
          if (core->sock) core->sock->setProtocolTag(tag);
        },
        core);
    return info.Env().Undefined();
  }

  Napi::Value AnswerProxyAuth(const Napi::CallbackInfo& info) {
    AnswerProxyCredentials(core_, info[0].As<Napi::Number>().Uint32Value(), info[1]);
    return info.Env().Undefined();
  }

  Napi::Value DeleteLater(const Napi::CallbackInfo& info) {
    auto core = core_;
    ch().post(
        [core] {
          core->destroyOnQt(true);
          core->channel()->remove(core->id());
        },
        core);
    return info.Env().Undefined();
  }
};

napi_value TcpSocketCore::wrap(napi_env env) {
  // Raw N-API (see EnvChannel::dispatchBatch). The External holds a pointer to this shared_ptr
  // only for the constructor call, which copies it.
  auto self = std::static_pointer_cast<TcpSocketCore>(shared_from_this());
  Module* m = nullptr;
  napi_value ext, obj;
  if (napi_get_instance_data(env, reinterpret_cast<void**>(&m)) != napi_ok || !m ||
      napi_create_external(env, &self, nullptr, nullptr, &ext) != napi_ok ||
      napi_new_instance(env, m->tcpSocketCtor.Value(), 1, &ext, &obj) != napi_ok)
    return nullptr;
  return obj;
}

std::shared_ptr<TcpSocketCore> UnwrapSocketCore(Napi::Value v, const char* method) {
  auto core = TcpSocketWrap::CoreOf(v);
  if (!core) throw Napi::TypeError::New(v.Env(), std::string(method) + ": native socket expected");
  return core;
}

Napi::Function InitTcpSocket(Napi::Env env, Module& m) { return TcpSocketWrap::Init(env, m); }

}  // namespace qtn
