// QIODevice's part of a stream handle (QAbstractSocket, QLocalSocket), the native half of
// lib/core/QIODevice.ts: received bytes move to JS with the events that announce them, as far as
// JS has room (flow control), and bytes JS writes are counted as Qt takes them.
#pragma once

#include <napi.h>
#include <poll.h>

#include <QByteArray>
#include <QIODevice>
#include <QPointer>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "handle_wrap.h"
#include "protocol.h"
#include "value_wrap.h"

namespace qtn {

// Q is a QIODevice with a socket's state(), isValid(), error() and errorString().
template <class Q>
class StreamHandle : public QtHandle<Q> {
 public:
  using QtHandle<Q>::QtHandle;

  int64_t accepted = 0;  // bytes Qt took from JS writes (for bytesToWrite)
  int64_t inFlight = 0;  // bytes handed to JS and not yet read there
  int64_t limit = 0;     // how much JS may hold unread
  // Set by JS while a slot or a wait watches bytesWritten; otherwise the event is lazy (see
  // Runtime::push): it updates bytesToWrite() on the JS side without a wake of its own.
  std::atomic<bool> watchBytesWritten{false};
  bool bytesWrittenWired = false;

  // The state, with isValid() (the device has a descriptor) in ValidBit.
  int32_t packedState() const {
    Q* s = this->object;
    if (!s) return 0;
    return int32_t(s->state()) | (s->isValid() ? protocol::SocketStateBits::kValidBit : 0);
  }

  // The strings a snapshot and some events carry after the state (addresses and ports, names).
  virtual std::vector<std::string> endpoint() const = 0;

  // The state every event and snapshot carries: packed state, open mode, error, bytesToWrite, taken.
  struct State {
    int32_t packed = -1, openMode = 0, error = -1;
    double bytesToWrite = 0, taken = 0;
    bool operator==(const State& o) const {
      return packed == o.packed && openMode == o.openMode && error == o.error && bytesToWrite == o.bytesToWrite &&
             taken == o.taken;
    }
  };
  State state() const {
    Q* s = this->object;
    return {packedState(), s ? int(s->openMode()) : 0, s ? int(s->error()) : -1, s ? double(s->bytesToWrite()) : 0,
            double(accepted)};
  }

  Event make(uint32_t kind, int32_t arg = 0, bool withEndpoint = false) {
    Event e;
    e.handle = this->id();
    e.kind = kind;
    e.seq = ++this->seq;
    Q* s = this->object;
    State now = state();
    sent_ = now;
    e.i[0] = now.packed;
    e.i[1] = now.openMode;
    e.i[2] = now.error;
    e.i[3] = arg;
    e.d[0] = now.bytesToWrite;
    e.d[1] = now.taken;
    if (withEndpoint) sentEndpoint_ = e.strings = endpoint();
    // An Endpoint event is all a refresh after Qt's last signal brings: the error's message too,
    // which Qt may have set after that signal (a sync call's snapshot older than it is dropped).
    if (kind == protocol::SocketEvent::kEndpoint)
      e.strings.push_back(s ? s->errorString().toStdString() : std::string());
    return e;
  }
  void push(uint32_t kind, int32_t arg = 0, bool withEndpoint = false) {
    this->channel()->push(make(kind, arg, withEndpoint));
  }

  // State-only events (QtHandle::sendOf): stateChanged but to Unconnected, hostFound, connected,
  // readChannelFinished, QSslSocket's modeChanged... An unwatched one with a new state is also
  // stateOnly: a sync call's snapshot, which carries that state, drops it, and the loop runtime
  // sends it once Qt returns, before anything but a slot could read the state.
  void pushState(uint32_t kind, int32_t arg = 0, bool withEndpoint = false, bool lazy = false) {
    using Send = typename QtHandle<Q>::Send;
    // Qt sets a connection's addresses after its stateChanged(Connected), before connected.
    Send send = this->sendOf(kind, [&] { return state() == sent_ && (!withEndpoint || endpoint() == sentEndpoint_); });
    if (send == Send::kNot) return;
    Event e = make(kind, arg, withEndpoint);
    e.stateOnly = send == Send::kLazy;
    bool goesLazy = lazy || e.stateOnly;
    this->channel()->push(std::move(e), goesLazy);
  }

  // A sync call's snapshot took the state now: JS has it.
  void snapshotTaken(const State& taken, const std::vector<std::string>& endpoint) const {
    sent_ = taken;
    sentEndpoint_ = endpoint;
    this->channel()->dropStateOnly(this->id());
  }
  // errorOccurred(error): Qt's message as the payload. The signal's argument, not error(): Qt
  // may emit an error it does not keep (QLocalSocket, connecting while connected).
  void pushError(int32_t error) {
    Event e = make(protocol::SocketEvent::kErrorOccurred, error);
    Q* s = this->object;
    e.strings = {s ? s->errorString().toStdString() : std::string()};
    this->channel()->push(std::move(e));
  }

  // Moves what Qt received to JS, as far as JS has room (all: the device is closing).
  virtual void forward(bool all) {
    Q* s = this->object;
    while (s) {
      qint64 avail = s->bytesAvailable();
      if (avail <= 0) break;
      qint64 room = all ? avail : std::min<qint64>(avail, limit - inFlight);
      if (room <= 0) break;
      // QIODevice::read(n) hands over the chunk Qt read from the kernel when n covers it: no copy.
      QByteArray chunk = s->read(room);
      if (chunk.isEmpty()) break;
      inFlight += chunk.size();
      Event e = make(protocol::SocketEvent::kReadyRead);
      e.bytes = std::move(chunk);
      this->channel()->push(std::move(e));
    }
  }
  // JS read `n` of what it held: room for more.
  virtual void released(int64_t n) {
    inFlight = std::max<int64_t>(0, inFlight - n);
    forward(false);
  }
  // setReadBufferSize(n > 0) lowers both how much Qt buffers and how much JS may hold. What the
  // new room lets in comes with the next read (released), as Qt reads on its next notification.
  virtual void setReadLimit(int64_t size) {
    limit = size > 0 ? size : protocol::Limit::kDefaultReadLimit;
    if (Q* s = this->object)
      s->setReadBufferSize(size > 0 ? std::min<int64_t>(size, protocol::Limit::kQtReadChunk)
                                    : protocol::Limit::kQtReadChunk);
  }
  // close()/abort()/a new connection: Qt dropped what it had, JS drops what it held.
  void resetFlow() { inFlight = 0; }

  // Qt side: Qt changes some of what JS mirrors after its last signal of a disconnect (the
  // addresses, the error): an Endpoint event carries them once the call stack unwinds.
  void queueEndpointRefresh() {
    if (refreshQueued_ || !this->object) return;
    refreshQueued_ = true;
    this->channel()->afterQt([core = std::weak_ptr<Handle>(this->shared_from_this()), s = QPointer<Q>(this->object)] {
      auto self = std::static_pointer_cast<StreamHandle>(core.lock());
      // Sent for an object Qt deleted too (a server's pending connections go with it): JS holds
      // the process for this event once the socket is left unconnected.
      if (!self || self->object != s || self->deleted_) return;
      self->refreshQueued_ = false;
      self->push(protocol::SocketEvent::kEndpoint, 0, true);
    });
  }

  // deleteLater (or a collected wrapper) deleted the object: JS forgets the handle at its Destroyed
  // event, and an Endpoint refresh queued before would reach nothing (one call into JS per
  // TLS handshake that ends in deleteLater).
  void destroyOnQt(bool emitSignals) override {
    bool had = this->object;  // else Qt deleted it: no Destroyed event, JS waits for the Endpoint one
    QtHandle<Q>::destroyOnQt(emitSignals);
    if (had) deleted_ = true;
  }

  // Qt side, when the core takes its Qt object: the QIODevice signals every stream forwards.
  void wireDevice(Q* s) {
    this->object = s;
    if (limit == 0) limit = protocol::Limit::kDefaultReadLimit;
    s->setReadBufferSize(protocol::Limit::kQtReadChunk);
    QObject::connect(s, &QIODevice::readyRead, s, [this] { forward(false); });
    QObject::connect(s, &QIODevice::aboutToClose, s, [this] { push(protocol::SocketEvent::kAboutToClose); });
    QObject::connect(s, &QIODevice::readChannelFinished, s, [this] {
      forwardAllIfReadable();
      pushState(protocol::SocketEvent::kReadChannelFinished);
    });
  }
  void forwardAllIfReadable() {
    if (this->object && this->object->isReadable()) forward(true);
  }

  // Qt side, before a write: bytesWritten, which a stream emits only while what was written is
  // going out; disconnected again once it has all gone, unless keepBytesWrittenWired().
  void wireBytesWritten() {
    Q* s = this->object;
    if (!s || bytesWrittenWired) return;
    bytesWrittenWired = true;
    QObject::connect(s, &QIODevice::bytesWritten, s, [this, s](qint64 n) {
      auto kind = writingDatagram ? protocol::SocketEvent::kDatagramWritten : protocol::SocketEvent::kBytesWritten;
      this->channel()->push(make(kind, int32_t(n)), !watchBytesWritten.load(std::memory_order_relaxed));
      if (!keepBytesWrittenWired() && s->bytesToWrite() == 0) {
        bytesWrittenWired = false;
        QObject::disconnect(s, &QIODevice::bytesWritten, s, nullptr);
      }
    });
  }
  virtual bool keepBytesWrittenWired() const { return false; }
  // Qt side: set around QUdpSocket::writeDatagram, whose bytesWritten comes without the
  // channelBytesWritten that write() adds (DatagramWritten tells JS).
  bool writingDatagram = false;

 private:
  bool refreshQueued_ = false;
  bool deleted_ = false;                           // by destroyOnQt
  bool flushQueued_ = false;                       // in the runtime's after-commands list
  mutable State sent_;                             // Qt thread: the state the last event or snapshot carried
  mutable std::vector<std::string> sentEndpoint_;  // and the endpoint() strings the last that had them

 public:
  // Qt side: a write from JS; what Qt's write returned.
  qint64 write(const QByteArray& bytes) {
    Q* s = this->object;
    if (!s) return -1;
    wireBytesWritten();
    qint64 n = s->write(bytes);
    if (n > 0) {
      accepted += n;
      // Once per batch, however many writes it holds.
      if (!flushQueued_) this->channel()->flushAfterCommands(this->shared_from_this());
      flushQueued_ = true;
    }
    return n;
  }

  void afterCommands() override {
    // What JS wrote in this batch goes to the kernel now, as Qt's next turn of its event loop
    // would send it (flush() is that same step), not one poll later: a round trip costs one turn
    // less. Only while nothing is readable or pending on the descriptor: Qt's turn reads first,
    // and a reset the peer sent must be read (Qt then leaves the device open for reading), not
    // met by this write (Qt then aborts and closes it).
    flushQueued_ = false;
    Q* s = this->object;
    if (!s || int(s->state()) != 3 /* ConnectedState in both socket enums */ || s->bytesToWrite() <= 0) return;
    pollfd p{int(s->socketDescriptor()), POLLIN, 0};
    if (p.fd >= 0 && ::poll(&p, 1, 0) == 0) s->flush();
  }
};

// A stream socket's sync-call answer (protocol.h SocketSnapshot, LocalSocketSnapshot): the positions
// every stream snapshot shares (Seq .. Taken), the core's endpoint() strings after them, the
// call's result last. Taken on the Qt side when the call finished (it moves on at once).
template <class Core>
struct StreamSnapshot {
  double seq = 0;
  typename Core::State now{0, 0, -1, 0, 0};
  std::string errorString = "Unknown error";
  std::vector<std::string> endpoint;

  void take(const Core& c) {
    seq = c.seq;
    now = c.state();
    endpoint = c.endpoint();
    if (auto* s = c.object.data()) errorString = s->errorString().toStdString();
    c.snapshotTaken(now, endpoint);
  }

  Napi::Array toJs(Napi::Env env, Napi::Value result) const {
    using P = protocol::SocketSnapshot;
    std::vector<napi_value> values(P::kLocalAddress + endpoint.size() + 1);
    values[P::kSeq] = Napi::Number::New(env, seq);
    values[P::kState] = Napi::Number::New(env, now.packed);
    values[P::kOpenMode] = Napi::Number::New(env, now.openMode);
    values[P::kError] = Napi::Number::New(env, now.error);
    values[P::kErrorString] = Napi::String::New(env, errorString);
    values[P::kBytesToWrite] = Napi::Number::New(env, now.bytesToWrite);
    values[P::kTaken] = Napi::Number::New(env, now.taken);
    for (size_t k = 0; k < endpoint.size(); k++) values[P::kLocalAddress + k] = Napi::String::New(env, endpoint[k]);
    values.back() = result;
    napi_value a = Module::of(env).arrays.make(env, values.data(), values.size());
    if (!a) throw Napi::Error::New(env, "qtnetwork: JS cannot run");
    return Napi::Array(env, a);
  }
};

// The methods every stream's JS object has beside HandleWrap's: write, ack (JS read bytes),
// setReadLimit, watchBytesWritten, close, abort, flush.
template <class Self, class Core>
class StreamWrap : public HandleWrap<Self, Core> {
 public:
  using HandleWrap<Self, Core>::HandleWrap;

 protected:
  using Methods = typename HandleWrap<Self, Core>::Methods;
  static void AddStreamMethods(Methods& m) {
    m.push_back(Self::InstanceMethod("write", &StreamWrap::Write));
    m.push_back(Self::InstanceMethod("writeNow", &StreamWrap::WriteNow));
    m.push_back(Self::InstanceMethod("ack", &StreamWrap::Ack));
    m.push_back(Self::InstanceMethod("setReadLimit", &StreamWrap::SetReadLimit));
    m.push_back(Self::InstanceMethod("watchBytesWritten", &StreamWrap::WatchBytesWritten));
    m.push_back(Self::InstanceMethod("watch", &StreamWrap::Watch));
    m.push_back(Self::InstanceMethod("close", &StreamWrap::Close));
    m.push_back(Self::InstanceMethod("abort", &StreamWrap::Abort));
    m.push_back(Self::InstanceMethod("flush", &StreamWrap::Flush));
  }

 private:
  Napi::Value Write(const Napi::CallbackInfo& info) {
    QByteArray bytes = BytesArg(info, 0, "write");
    auto core = this->core_;
    core->channel()->post([core, bytes = std::move(bytes)] { core->write(bytes); }, core);
    return info.Env().Undefined();
  }

  // A write Qt answers at once (a socket not connected): the snapshot with what write returned.
  Napi::Value WriteNow(const Napi::CallbackInfo& info) {
    QByteArray bytes = BytesArg(info, 0, "write");
    auto core = this->core_;
    return this->syncCall(info.Env(), [&](auto*) { return QVariant(qlonglong(core->write(bytes))); });
  }

  Napi::Value Ack(const Napi::CallbackInfo& info) {
    int64_t n = IntArg(info, 0, 0, int64_t(1) << 53, "ack");
    auto core = this->core_;
    core->channel()->post([core, n] { core->released(n); }, core, true);
    return info.Env().Undefined();
  }

  Napi::Value SetReadLimit(const Napi::CallbackInfo& info) {
    int64_t n = IntArg(info, 0, 0, int64_t(1) << 53, "setReadBufferSize");
    auto core = this->core_;
    core->channel()->post([core, n] { core->setReadLimit(n); }, core);
    core->channel()->post([core] { core->released(0); }, core, true);
    return info.Env().Undefined();
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    auto core = this->core_;
    return this->syncCall(info.Env(), [&](auto* s) {
      s->close();
      core->resetFlow();
      return QVariant();
    });
  }

  // Answers the number of the last event before the call: JS drops what of the old connection it
  // has not delivered yet.
  Napi::Value Abort(const Napi::CallbackInfo& info) {
    auto core = this->core_;
    return this->syncCall(info.Env(), [&](auto* s) {
      double before = core->seq;
      s->abort();
      core->resetFlow();
      return QVariant(before);
    });
  }

  Napi::Value Flush(const Napi::CallbackInfo& info) {
    return this->syncCall(info.Env(), [](auto* s) { return QVariant(s->flush()); });
  }

  Napi::Value WatchBytesWritten(const Napi::CallbackInfo& info) {
    this->core_->watchBytesWritten.store(info[0].ToBoolean(), std::memory_order_relaxed);
    return info.Env().Undefined();
  }

  Napi::Value Watch(const Napi::CallbackInfo& info) { return WatchKinds(info, *this->core_, "watch"); }
};

}  // namespace qtn
