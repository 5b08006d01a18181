// QUdpSocket: a QAbstractSocket (native/abstract_socket.h) holding a QUdpSocket, which differs in
// how received data reaches JS: each datagram Qt receives travels to JS in its own readyRead
// event, with its sender, destination, hop limit and interface. lib/QUdpSocket.ts mirrors it.
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUdpSocket>

#include <netinet/in.h>
#include <sys/socket.h>
#include <cerrno>
#include <cstring>

#include "abstract_socket.h"
#include "host_address.h"
#include "network_datagram.h"
#include "network_interface.h"
#include "protocol.h"

namespace qtn {

namespace {

// Datagrams received but not yet read in JS are bounded: each is charged its size plus an
// overhead (so that empty datagrams count too) against kDatagramCap. Past the cap a newly
// received datagram is dropped and counted, as the kernel drops what arrives at a full receive
// buffer; Qt keeps reading from the kernel meanwhile, so the count is exact.
constexpr int64_t kDatagramOverhead = protocol::Limit::kDatagramOverhead;
constexpr int64_t kDatagramCap = protocol::Limit::kDatagramCap;

bool Readable(QUdpSocket* s) {
  auto st = s->state();
  return s->isValid() && (st == QAbstractSocket::BoundState || st == QAbstractSocket::ConnectedState);
}

// Sending from the JS thread. writeDatagram must return Qt's answer (bytes sent, or -1 with the
// error set), so through the Qt thread it is a round trip. For a bound socket on Qt's own native
// engine (no proxy), a successful send changes nothing in Qt but emitting bytesWritten: then, with
// no one watching bytesWritten, JS may make the same sendmsg() Qt would make, on the socket's
// descriptor, itself. Anything else, and any failure, goes through Qt, which sends (again) and
// sets the error as it would have.
// The descriptor is published by the Qt thread at the end of a sync call, when all commands before
// it have run and JS waits; any command queued afterwards (one could close the socket) withdraws
// it on the JS thread before it can run. One word holds the generation of those withdrawals and
// the published descriptor, so that a publication racing a withdrawal is lost.
constexpr uint64_t kFdBits = 24;                         // descriptor + 1, 0: none
constexpr uint64_t kSixSocket = uint64_t(1) << kFdBits;  // an IPv6 (or dual-stack) socket
constexpr uint64_t kGenShift = 32;

class UdpSocketCore : public AbstractSocketCore {
 public:
  using AbstractSocketCore::AbstractSocketCore;

  int64_t dropped = 0;
  std::atomic<uint64_t> direct{0};

  // JS thread.
  void commandQueued() override {
    uint64_t v = direct.load();
    while (!direct.compare_exchange_weak(v, ((v >> kGenShift) + 1) << kGenShift)) {
    }
  }
  uint64_t syncToken() override {
    commandQueued();
    return direct.load() >> kGenShift;
  }
  // Qt thread.
  void afterSyncCall(uint64_t gen) override {
    uint64_t expect = gen << kGenShift;
    uint64_t fdFamily = directDescriptor();
    if (fdFamily) direct.compare_exchange_strong(expect, expect | fdFamily);
  }

  // (descriptor + 1) | kSixSocket if IPv6, or 0 when sending must go through Qt.
  uint64_t directDescriptor() const {
    QAbstractSocket* s = object;
    if (!s || s->state() != QAbstractSocket::BoundState || !s->isValid()) return 0;
    // The engine is a child of the socket; a proxy (SOCKS5 UDP ASSOCIATE) has its own class.
    int engines = 0;
    bool native = false;
    for (QObject* c : s->children()) {
      const char* name = c->metaObject()->className();
      if (std::strstr(name, "SocketEngine")) {
        engines++;
        native = std::strcmp(name, "QNativeSocketEngine") == 0;
      }
    }
    qintptr fd = s->socketDescriptor();
    if (engines != 1 || !native || fd < 0 || uint64_t(fd) + 1 >= (uint64_t(1) << kFdBits)) return 0;
    // Qt read the socket's family when it bound (AnyIPProtocol: a dual-stack IPv6 socket).
    auto proto = s->localAddress().protocol();
    if (proto == QAbstractSocket::UnknownNetworkLayerProtocol) return 0;
    return (uint64_t(fd) + 1) | (proto == QAbstractSocket::IPv4Protocol ? 0 : kSixSocket);
  }

  void create() override {
    limit = kDatagramCap;
    adopt(new Counted<QUdpSocket>());
  }

  napi_value wrap(napi_env env) override;  // never accepted by a server: no event carries one

  // Sent at once (no write buffer), bytesWritten is emitted for every datagram: kept connected.
  bool keepBytesWrittenWired() const override { return true; }
  void afterCommands() override {}

  // Qt: "calling setReadBufferSize on QUdpSocket has no effect"; the cap stays.
  void setReadLimit(int64_t) override {}

  // Nothing waits for room: past the cap datagrams are dropped, not left in the kernel. And reading
  // here, outside readyRead, could take a datagram whose read notification Qt has polled but not
  // yet dispatched: Qt would then emit readyRead with nothing to read, and an unbuffered socket
  // stays deaf (its notifier is re-enabled only by a read).
  void released(int64_t n) override { inFlight = std::max<int64_t>(0, inFlight - n); }

  void forward(bool) override {
    auto* s = qobject_cast<QUdpSocket*>(object.data());
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
      Event e = make(protocol::SocketEvent::kReadyRead, int32_t(charge));
      e.makePayload = [d = std::move(d)](Napi::Env env) -> Napi::Value { return NewNetworkDatagram(env, d); };
      channel()->push(std::move(e));
      s = qobject_cast<QUdpSocket*>(object.data());
    }
  }
};

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<AbstractSocketCore>&;

// The core of a QUdpSocket's JS object: only ever a UdpSocketCore (QUdpSocketWrap::NewCore).
UdpSocketCore& UdpOf(Core core) { return static_cast<UdpSocketCore&>(*core); }

// Qt side: Qt's writeDatagram, its bytesWritten marked as a datagram's (io_device.h writingDatagram).
template <class Send>
QVariant SendDatagram(Core core, Send&& send) {
  core->writingDatagram = true;
  qint64 sent = send();
  core->writingDatagram = false;
  return QVariant(qlonglong(sent));
}

QUdpSocket* Udp(QAbstractSocket* s) { return static_cast<QUdpSocket*>(s); }

std::atomic<uint64_t> direct_sends{0};  // debug accessor: datagrams SendDirect sent

// What Qt's native engine puts in a datagram's control data besides the destination.
struct SendHeader {
  QHostAddress sender;
  uint ifindex = 0;
  int hopLimit = -1;
};

// JS thread: sends as Qt's native engine would (its sendmsg, built from the same header fields);
// the bytes sent, or -1 when Qt must do it (see UdpSocketCore).
qint64 SendDirect(UdpSocketCore& core, const QByteArray& data, const QHostAddress& to, int port, const SendHeader& h) {
  if (core.watchBytesWritten.load(std::memory_order_relaxed) || port <= 0 || port > 65535) return -1;
  uint64_t v = core.direct.load(std::memory_order_acquire);
  int fd = int(v & ((uint64_t(1) << kFdBits) - 1)) - 1;
  auto proto = to.protocol();
  if (fd < 0 || (proto != QAbstractSocket::IPv4Protocol && proto != QAbstractSocket::IPv6Protocol) ||
      !to.scopeId().isEmpty())
    return -1;
  union {
    sockaddr_in a4;
    sockaddr_in6 a6;
  } addr;
  std::memset(&addr, 0, sizeof(addr));
  msghdr msg;
  std::memset(&msg, 0, sizeof(msg));
  // As Qt: an IPv6 socket, or an IPv6 destination, takes an IPv6 address (IPv4 ones mapped).
  bool six = (v & kSixSocket) || proto == QAbstractSocket::IPv6Protocol;
  if (six) {
    addr.a6.sin6_family = AF_INET6;
    addr.a6.sin6_port = htons(quint16(port));
    Q_IPV6ADDR a = to.toIPv6Address();
    std::memcpy(&addr.a6.sin6_addr, &a, sizeof(a));
    msg.msg_namelen = sizeof(addr.a6);
  } else {
    addr.a4.sin_family = AF_INET;
    addr.a4.sin_port = htons(quint16(port));
    addr.a4.sin_addr.s_addr = htonl(to.toIPv4Address());
    msg.msg_namelen = sizeof(addr.a4);
  }
  msg.msg_name = &addr;
  iovec vec{const_cast<char*>(data.constData()), size_t(data.size())};
  msg.msg_iov = &vec;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in6_pktinfo)) + CMSG_SPACE(sizeof(int))];
  std::memset(control, 0, sizeof(control));
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  size_t used = 0;
  if (h.hopLimit != -1) {
    c->cmsg_level = six ? IPPROTO_IPV6 : IPPROTO_IP;
    c->cmsg_type = six ? IPV6_HOPLIMIT : IP_TTL;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &h.hopLimit, sizeof(int));
    used += CMSG_SPACE(sizeof(int));
    c = reinterpret_cast<cmsghdr*>(control + used);
  }
  if (h.ifindex != 0 || !h.sender.isNull()) {
    if (six) {
      in6_pktinfo info;
      std::memset(&info, 0, sizeof(info));
      info.ipi6_ifindex = h.ifindex;
      Q_IPV6ADDR a = h.sender.toIPv6Address();
      std::memcpy(&info.ipi6_addr, &a, sizeof(a));
      c->cmsg_level = IPPROTO_IPV6;
      c->cmsg_type = IPV6_PKTINFO;
      c->cmsg_len = CMSG_LEN(sizeof(info));
      std::memcpy(CMSG_DATA(c), &info, sizeof(info));
      used += CMSG_SPACE(sizeof(info));
    } else {
      in_pktinfo info;
      std::memset(&info, 0, sizeof(info));
      info.ipi_ifindex = int(h.ifindex);
      info.ipi_addr.s_addr = htonl(h.sender.toIPv4Address());
      c->cmsg_level = IPPROTO_IP;
      c->cmsg_type = IP_PKTINFO;
      c->cmsg_len = CMSG_LEN(sizeof(info));
      std::memcpy(CMSG_DATA(c), &info, sizeof(info));
      used += CMSG_SPACE(sizeof(info));
    }
  }
  msg.msg_controllen = used;
  if (used == 0) msg.msg_control = nullptr;
  ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
  if (n < 0) return -1;
  direct_sends.fetch_add(1, std::memory_order_relaxed);
  // The runtime lets the Qt side poll now (the peer may be one of ours) and waits for the answer
  // at the end of this task, as after a command.
  core.channel()->sentDirectly();
  return qint64(n);
}

// writeDatagramTo(bytes, address, port) -> snapshot with the bytes sent or -1; or only the
// bytes sent, when sent from this thread (SendDirect).
Napi::Value WriteDatagramTo(Info info, Core core) {
  QByteArray bytes = BytesArg(info, 0, "writeDatagram");
  QHostAddress addr = HostAddressArg(info, 1, "writeDatagram");
  quint16 port = quint16(IntArg(info, 2, 0, 65535, "writeDatagram"));
  qint64 sent = SendDirect(UdpOf(core), bytes, addr, port, SendHeader{});
  if (sent >= 0) return Napi::Number::New(info.Env(), double(sent));
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    return SendDatagram(core, [&] { return Udp(s)->writeDatagram(bytes, addr, port); });
  });
}

// writeDatagram(QNetworkDatagram) -> as above.
Napi::Value WriteDatagram(Info info, Core core) {
  const QNetworkDatagram* d = UnwrapNetworkDatagram(info[0]);
  if (!d) throw Napi::TypeError::New(info.Env(), "writeDatagram: QNetworkDatagram expected");
  QNetworkDatagram datagram = *d;
  qint64 sent = SendDirect(UdpOf(core), datagram.data(), datagram.destinationAddress(), datagram.destinationPort(),
                           SendHeader{datagram.senderAddress(), datagram.interfaceIndex(), datagram.hopLimit()});
  if (sent >= 0) return Napi::Number::New(info.Env(), double(sent));
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    return SendDatagram(core, [&] { return Udp(s)->writeDatagram(datagram); });
  });
}

// joinMulticastGroup / leaveMulticastGroup (group, interface?) -> snapshot with Qt's bool.
template <bool Join>
Napi::Value MulticastGroup(Info info, Core core) {
  const char* method = Join ? "joinMulticastGroup" : "leaveMulticastGroup";
  QHostAddress group = HostAddressArg(info, 0, method);
  bool withIface = info.Length() > 1 && !info[1].IsUndefined();
  QNetworkInterface iface;
  if (withIface) {
    const QNetworkInterface* i = UnwrapNetworkInterface(info[1]);
    if (!i) throw Napi::TypeError::New(info.Env(), std::string(method) + ": QNetworkInterface expected");
    iface = *i;
  }
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    QUdpSocket* u = Udp(s);
    if (Join) return QVariant(withIface ? u->joinMulticastGroup(group, iface) : u->joinMulticastGroup(group));
    return QVariant(withIface ? u->leaveMulticastGroup(group, iface) : u->leaveMulticastGroup(group));
  });
}

// multicastInterface() -> [snapshot, QNetworkInterface].
Napi::Value MulticastInterface(Info info, Core core) {
  QNetworkInterface iface;
  Napi::Value snap = SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    iface = Udp(s)->multicastInterface();
    return QVariant();
  });
  Napi::Array r = Napi::Array::New(info.Env(), 2);
  r.Set(0u, snap);
  r.Set(1u, NewNetworkInterface(info.Env(), iface));
  return r;
}

Napi::Value SetMulticastInterface(Info info, Core core) {
  const QNetworkInterface* i = UnwrapNetworkInterface(info[0]);
  if (!i) throw Napi::TypeError::New(info.Env(), "setMulticastInterface: QNetworkInterface expected");
  QNetworkInterface iface = *i;
  // Sync, as Qt may warn or fail right away; the snapshot carries any state change.
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    Udp(s)->setMulticastInterface(iface);
    return QVariant();
  });
}

// readDatagram while JS holds no datagram: Qt's own readDatagram reports "No datagram available"
// (TemporaryError, errorOccurred). Should one arrive between the check and the read, it is sent
// to JS as any other, behind those already on their way.
Napi::Value ReadNothing(Info info, Core core) {
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) {
    QUdpSocket* u = Udp(s);
    if (!Readable(u) || u->hasPendingDatagrams()) return QVariant();
    QByteArray buf(65536, Qt::Uninitialized);
    QHostAddress from;
    quint16 port = 0;
    qint64 n = u->readDatagram(buf.data(), buf.size(), &from, &port);
    if (n >= 0) {
      QNetworkDatagram d(buf.left(n));
      d.setSender(from, port);
      Event e = core->make(protocol::SocketEvent::kReadyRead, int32_t(n + kDatagramOverhead));
      core->inFlight += n + kDatagramOverhead;
      e.makePayload = [d](Napi::Env env) -> Napi::Value { return NewNetworkDatagram(env, d); };
      core->channel()->push(std::move(e));
    }
    return QVariant();
  });
}

// Debug accessor: datagrams dropped because JS held kDatagramCap unread (see above).
Napi::Value Dropped(Info info, Core core) {
  int64_t n = 0;
  core->channel()->call(
      info.Env(), [&] { n = UdpOf(core).dropped; }, core);
  return Napi::Number::New(info.Env(), double(n));
}

// Debug accessor: how many datagrams this process sent from the JS thread (SendDirect).
Napi::Value DirectSends(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), double(direct_sends.load(std::memory_order_relaxed)));
}

class QUdpSocketWrap : public AbstractSocketWrap<QUdpSocketWrap> {
 public:
  static constexpr const char* kName = "QUdpSocket";
  static constexpr napi_type_tag kTag = {0x3b8e0f6a7c214d95ULL, 0x9d05e2c4a1f7b368ULL};

  using AbstractSocketWrap::AbstractSocketWrap;

  static std::shared_ptr<AbstractSocketCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<UdpSocketCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<SocketMethod> udp = {
        {"writeDatagramTo", WriteDatagramTo},
        {"writeDatagram", WriteDatagram},
        {"joinMulticastGroup", MulticastGroup<true>},
        {"leaveMulticastGroup", MulticastGroup<false>},
        {"multicastInterface", MulticastInterface},
        {"setMulticastInterface", SetMulticastInterface},
        {"readNothing", ReadNothing},
        {"droppedDatagrams", Dropped},
    };
    Methods methods = SocketMethods();
    AddCoreMethods(methods, udp);
    methods.push_back(StaticMethod<&DirectSends>("directSends"));
    return DefineHandleClass(env, m, methods);
  }
};

napi_value UdpSocketCore::wrap(napi_env) { return nullptr; }

const bool registered = RegisterHandleClass(QUdpSocketWrap::kName, &QUdpSocketWrap::Init);

}  // namespace

}  // namespace qtn
