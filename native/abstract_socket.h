// QAbstractSocket: the Qt-side half that QTcpSocket and QUdpSocket share (AbstractSocketCore), the
// methods their JS objects share (AbstractSocketWrap), and the snapshot a sync call answers with.
// lib/QAbstractSocket.ts mirrors the socket's state from the events and snapshots sent from here.
#pragma once

#include <napi.h>

#include <QAbstractSocket>
#include <QHostAddress>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "handle_wrap.h"
#include "io_device.h"
#include "network_proxy_factory.h"

namespace qtn {

class AbstractSocketCore : public StreamHandle<QAbstractSocket> {
 public:
  using StreamHandle::StreamHandle;

  // Qt side: take `s` (made by create(), or accepted by a server) and forward its signals.
  void adopt(QAbstractSocket* s);
  // Qt side, before a command starts a connection or a bind (the only times Qt emits them):
  // connects hostFound, connected and proxyAuthenticationRequired. Once connected they are
  // disconnected again, so that an established socket does not keep three Qt connections
  // (~130 B each) for signals it cannot emit any more.
  void wireSetupSignals();

  // local address, local port, peer address, peer port, peer name.
  std::vector<std::string> endpoint() const override;

  // Qt side: Qt's own blocking wait `which` with (about) no time left, for a JS wait that ran out.
  // A subclass with waits of its own (QSslSocket's waitForEncrypted) answers those.
  virtual bool waitNow(QAbstractSocket* s, int which);

  // A sync call's answer (protocol.h SocketSnapshot).
  using Snapshot = StreamSnapshot<AbstractSocketCore>;

 protected:
  void pushDestroyed() override { push(protocol::SocketEvent::kDestroyed); }

 private:
  bool setupWired_ = false;
  // endpoint() as last made, and the Qt values it was made from: each event that carries the
  // endpoint and each snapshot asks for it (11 times per TLS handshake), and it changes about
  // twice per connection; comparing the values costs a fraction of formatting them again.
  struct EndpointValues {
    QHostAddress local, peer;
    quint16 localPort = 0, peerPort = 0;
    QString peerName;
    bool operator==(const EndpointValues& o) const {
      // QHostAddress's == leaves the IPv6 scope out, which toString() writes.
      return localPort == o.localPort && peerPort == o.peerPort && local == o.local && peer == o.peer &&
             peerName == o.peerName && local.scopeId() == o.local.scopeId() && peer.scopeId() == o.peer.scopeId();
    }
  };
  mutable std::optional<EndpointValues> endpointOf_;
  mutable std::vector<std::string> endpoint_;
};

// Argument i as a QHostAddress, or a TypeError naming `method` (sockets and servers take them).
const QHostAddress& HostAddressArg(const Napi::CallbackInfo& info, size_t i, const char* method);

using SocketMethod = CoreMethod<AbstractSocketCore>;

// JS side: the steps every connect takes around Qt's own call `connect(socket)` (connectToHost,
// QSslSocket's connectToHostEncrypted), with the proxies a JS factory decided armed; answers the
// snapshot whose result is the number of the last event before the call (the old connection's end).
template <class Fn>
Napi::Value ConnectCall(Napi::Env env, const std::shared_ptr<AbstractSocketCore>& core,
                        const std::optional<QList<QNetworkProxy>>& decided, Fn&& connect) {
  return SyncCall(env, core, [&](QAbstractSocket* s) {
    double before = core->seq;  // as Abort's (io_device.h)
    core->resetFlow();
    core->wireSetupSignals();
    ArmDecision arm(decided);
    connect(s);
    return QVariant(before);
  });
}
// The methods of QAbstractSocket's JS objects (connectToHost, bind, abort, ...).
const std::vector<SocketMethod>& AbstractSocketMethods();

// The JS object of a QAbstractSocket subclass: HandleWrap's, the stream's and the socket's methods.
template <class Self>
class AbstractSocketWrap : public StreamWrap<Self, AbstractSocketCore> {
 public:
  using StreamWrap<Self, AbstractSocketCore>::StreamWrap;

 protected:
  using Methods = typename StreamWrap<Self, AbstractSocketCore>::Methods;
  static Methods SocketMethods() {
    Methods m;
    StreamWrap<Self, AbstractSocketCore>::AddStreamMethods(m);
    HandleWrap<Self, AbstractSocketCore>::AddCoreMethods(m, AbstractSocketMethods());
    return m;
  }
};

}  // namespace qtn
