// QUdpSocket: the Qt-thread half is a TcpSocketCore (native/tcp_socket.h) holding a QUdpSocket,
// which differs in how received data reaches JS: each datagram Qt receives travels to JS in its own
// readyRead event, with its sender, destination, hop limit and interface. The UDP-only calls are
// functions on `native.Udp` taking the native socket object; lib/QUdpSocket.ts mirrors the rest.
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUdpSocket>

#include "host_address.h"
#include "network_datagram.h"
#include "network_interface.h"
#include "tcp_socket.h"

namespace qtn {

namespace {

// Datagrams received but not yet read in JS are bounded: each is charged its size plus an
// overhead (so that empty datagrams count too) against kDatagramCap. Past the cap a newly
// received datagram is dropped and counted, as the kernel drops what arrives at a full receive
// buffer; Qt keeps reading from the kernel meanwhile, so the count is exact.
constexpr int64_t kDatagramOverhead = 256;
constexpr int64_t kDatagramCap = 4 << 20;

bool Readable(QUdpSocket* s) {
  auto st = s->state();
  return s->isValid() && (st == QAbstractSocket::BoundState || st == QAbstractSocket::ConnectedState);
}

class UdpSocketCore : public TcpSocketCore {
 public:
  using TcpSocketCore::TcpSocketCore;

  int64_t dropped = 0;

  void create() override {
    limit = kDatagramCap;
    adopt(new Counted<QUdpSocket>());
  }

  // Qt: "calling setReadBufferSize on QUdpSocket has no effect"; the cap stays.
  void setReadLimit(int64_t) override {}

  void forward(bool) override {
    auto* s = qobject_cast<QUdpSocket*>(sock.data());
    // Bounded: each turn takes one datagram out of the kernel, or stops. Only while bound or
    // connected: Qt 6.4's hasPendingDatagrams() dereferences a socket engine that is gone once the
    // socket leaves those states (PyQt6 crashes there too).
    while (s && Readable(s) && s->hasPendingDatagrams()) {
      QNetworkDatagram d = s->receiveDatagram();
      // A failed read (an ICMP error queued on a connected socket) still reports a pending
      // datagram; Qt has set the error and will emit it.
      if (!d.isValid() && d.data().isEmpty() && d.senderAddress().isNull()) break;
      int64_t charge = d.data().size() + kDatagramOverhead;
      if (inFlight + charge > limit) {
        dropped++;
        continue;
      }
      inFlight += charge;
      Event e = make(kReadyRead, int32_t(charge));
      e.makePayload = [d = std::move(d)](Napi::Env env) -> Napi::Value { return NewNetworkDatagram(env, d); };
      channel_->push(std::move(e));
      s = qobject_cast<QUdpSocket*>(sock.data());
    }
  }
};

std::shared_ptr<UdpSocketCore> UdpOf(const Napi::CallbackInfo& info, const char* method) {
  auto core = std::dynamic_pointer_cast<UdpSocketCore>(UnwrapSocketCore(info[0], method));
  if (!core) throw Napi::TypeError::New(info.Env(), std::string(method) + ": native UDP socket expected");
  return core;
}

QUdpSocket* Udp(QAbstractSocket* s) { return static_cast<QUdpSocket*>(s); }

const QHostAddress& AddressArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  const QHostAddress* a = UnwrapHostAddress(info[i]);
  if (!a) throw Napi::TypeError::New(info.Env(), std::string(method) + ": QHostAddress expected");
  return *a;
}

// writeDatagram(socket, bytes, address, port) -> snapshot with the bytes sent or -1.
Napi::Value WriteDatagramTo(const Napi::CallbackInfo& info) {
  auto core = UdpOf(info, "writeDatagram");
  QByteArray bytes = BytesArg(info, 1, "writeDatagram");
  QHostAddress addr = AddressArg(info, 2, "writeDatagram");
  quint16 port = quint16(IntArg(info, 3, 0, 65535, "writeDatagram"));
  return SocketSyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    return QVariant(qlonglong(Udp(s)->writeDatagram(bytes, addr, port)));
  });
}

// writeDatagram(socket, QNetworkDatagram) -> snapshot with the bytes sent or -1.
Napi::Value WriteDatagram(const Napi::CallbackInfo& info) {
  auto core = UdpOf(info, "writeDatagram");
  const QNetworkDatagram* d = UnwrapNetworkDatagram(info[1]);
  if (!d) throw Napi::TypeError::New(info.Env(), "writeDatagram: QNetworkDatagram expected");
  QNetworkDatagram datagram = *d;
  return SocketSyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    return QVariant(qlonglong(Udp(s)->writeDatagram(datagram)));
  });
}

// joinMulticastGroup / leaveMulticastGroup (socket, group, interface?) -> snapshot with Qt's bool.
template <bool Join>
Napi::Value MulticastGroup(const Napi::CallbackInfo& info) {
  const char* method = Join ? "joinMulticastGroup" : "leaveMulticastGroup";
  auto core = UdpOf(info, method);
  QHostAddress group = AddressArg(info, 1, method);
  bool withIface = info.Length() > 2 && !info[2].IsUndefined();
  QNetworkInterface iface;
  if (withIface) {
    const QNetworkInterface* i = UnwrapNetworkInterface(info[2]);
    if (!i) throw Napi::TypeError::New(info.Env(), std::string(method) + ": QNetworkInterface expected");
    iface = *i;
  }
  return SocketSyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    QUdpSocket* u = Udp(s);
    if (Join) return QVariant(withIface ? u->joinMulticastGroup(group, iface) : u->joinMulticastGroup(group));
    return QVariant(withIface ? u->leaveMulticastGroup(group, iface) : u->leaveMulticastGroup(group));
  });
}

// multicastInterface(socket) -> [snapshot, QNetworkInterface].
Napi::Value MulticastInterface(const Napi::CallbackInfo& info) {
  auto core = UdpOf(info, "multicastInterface");
  QNetworkInterface iface;
  Napi::Value snap = SocketSyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    iface = Udp(s)->multicastInterface();
    return QVariant();
  });
  Napi::Array r = Napi::Array::New(info.Env(), 2);
  r.Set(0u, snap);
  r.Set(1u, NewNetworkInterface(info.Env(), iface));
  return r;
}

Napi::Value SetMulticastInterface(const Napi::CallbackInfo& info) {
  auto core = UdpOf(info, "setMulticastInterface");
  const QNetworkInterface* i = UnwrapNetworkInterface(info[1]);
  if (!i) throw Napi::TypeError::New(info.Env(), "setMulticastInterface: QNetworkInterface expected");
  QNetworkInterface iface = *i;
  // Sync, as Qt may warn or fail right away; the snapshot carries any state change.
  return SocketSyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    Udp(s)->setMulticastInterface(iface);
    return QVariant();
  });
}

// readDatagram while JS holds no datagram: Qt's own readDatagram reports "No datagram available"
// (TemporaryError, errorOccurred). Should one arrive between the check and the read, it is sent
// to JS as any other, behind those already on their way.
Napi::Value ReadNothing(const Napi::CallbackInfo& info) {
  auto core = UdpOf(info, "readDatagram");
  return SocketSyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    QUdpSocket* u = Udp(s);
    if (!Readable(u) || u->hasPendingDatagrams()) return QVariant();
    QByteArray buf(65536, Qt::Uninitialized);
    QHostAddress from;
    quint16 port = 0;
    qint64 n = u->readDatagram(buf.data(), buf.size(), &from, &port);
    if (n >= 0) {
      QNetworkDatagram d(buf.left(n));
      d.setSender(from, port);
      Event e = core->make(kReadyRead, int32_t(n + kDatagramOverhead));
      core->inFlight += n + kDatagramOverhead;
      e.makePayload = [d](Napi::Env env) -> Napi::Value { return NewNetworkDatagram(env, d); };
      core->channel()->push(std::move(e));
    }
    return QVariant();
  });
}

// Debug accessor: datagrams dropped because JS held kDatagramCap unread (see above).
Napi::Value Dropped(const Napi::CallbackInfo& info) {
  auto core = UdpOf(info, "droppedDatagrams");
  int64_t n = 0;
  core->channel()->call(info.Env(), [&] { n = core->dropped; }, core);
  return Napi::Number::New(info.Env(), double(n));
}

}  // namespace

std::shared_ptr<TcpSocketCore> NewUdpSocketCore(std::shared_ptr<EnvChannel> channel) {
  return std::make_shared<UdpSocketCore>(std::move(channel));
}

Napi::Object InitUdpSocket(Napi::Env env, Module&) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("writeDatagramTo", Napi::Function::New<WriteDatagramTo>(env, "writeDatagramTo"));
  o.Set("writeDatagram", Napi::Function::New<WriteDatagram>(env, "writeDatagram"));
  o.Set("joinMulticastGroup", Napi::Function::New<MulticastGroup<true>>(env, "joinMulticastGroup"));
  o.Set("leaveMulticastGroup", Napi::Function::New<MulticastGroup<false>>(env, "leaveMulticastGroup"));
  o.Set("multicastInterface", Napi::Function::New<MulticastInterface>(env, "multicastInterface"));
  o.Set("setMulticastInterface", Napi::Function::New<SetMulticastInterface>(env, "setMulticastInterface"));
  o.Set("readNothing", Napi::Function::New<ReadNothing>(env, "readNothing"));
  o.Set("droppedDatagrams", Napi::Function::New<Dropped>(env, "droppedDatagrams"));
  o.Set("datagramCap", Napi::Number::New(env, double(kDatagramCap)));
  o.Set("datagramOverhead", Napi::Number::New(env, double(kDatagramOverhead)));
  return o;
}

}  // namespace qtn
