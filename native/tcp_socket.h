// QTcpSocket: the Qt-thread half (TcpSocketCore) and its JS wrapper. The TS class in
// lib/QTcpSocket.ts mirrors the socket's state from the events and snapshots sent from here.
// The core holds a QAbstractSocket: QUdpSocket (native/udp_socket.cc) derives from it and changes
// only what differs, how received data is moved to JS (datagrams, not a byte stream).
#pragma once

#include <QPointer>
#include <QTcpSocket>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>

#include "addon.h"
#include "runtime/channel.h"

namespace qtn {

// Event kinds of a socket; lib/QAbstractSocket.ts has the same list.
enum SocketEvent : uint32_t {
  kStateChanged = 1,
  kHostFound,
  kConnected,
  kDisconnected,
  kErrorOccurred,
  kReadyRead,
  kBytesWritten,
  kAboutToClose,
  kReadChannelFinished,
  kDestroyed,
  kEndpoint,                     // no signal: the addresses and ports changed after the last signal
  kProxyAuthenticationRequired,  // Qt waits for the answer (native/proxy_auth.h)
};

class TcpSocketCore : public Handle {
 public:
  explicit TcpSocketCore(std::shared_ptr<EnvChannel> channel) : Handle(std::move(channel)) {}

  // Qt thread.
  virtual void create();
  void adopt(QAbstractSocket* socket);
  // Qt thread, before a command starts a connection or a bind (the only times Qt emits them):
  // connects hostFound, connected and proxyAuthenticationRequired. Once connected they are
  // disconnected again, so that an established socket does not keep three Qt connections
  // (~130 B each) for signals it cannot emit any more.
  void wireSetupSignals();
  // Qt thread, before a write: bytesWritten, which a TCP socket emits only while what was written
  // is going out. Disconnected again once it has all gone (UDP: connected for good, in adopt).
  void wireBytesWritten();
  void destroyOnQt(bool emitSignals) override;
  napi_value wrap(napi_env env) override;
  void afterCommands() override;

  QPointer<QAbstractSocket> sock;
  double seq = 0;
  int64_t accepted = 0;  // bytes Qt took from JS writes (for bytesToWrite)
  int64_t inFlight = 0;  // bytes handed to JS and not yet read there
  int64_t limit = 0;     // how much JS may hold unread (flow control)
  // Set by JS while a slot or a wait watches bytesWritten; otherwise the event is lazy (see
  // EnvChannel::push): it updates bytesToWrite() on the JS side without a wake of its own.
  std::atomic<bool> watchBytesWritten{false};
  bool refreshQueued = false;
  bool setupWired = false;
  bool bytesWrittenWired = false;

  Event make(uint32_t kind, int32_t arg = 0, bool endpoint = false);
  void push(uint32_t kind, int32_t arg = 0, bool endpoint = false) { channel_->push(make(kind, arg, endpoint)); }
  void pushError();
  // Moves what Qt received to JS, as far as JS has room (all: the socket is closing).
  virtual void forward(bool all);
  // JS read `n` of what it held: room for more.
  virtual void released(int64_t n);
  void queueEndpointRefresh();
  virtual void setReadLimit(int64_t size);
  void resetFlow();
  int32_t packedState() const;
  std::vector<std::string> endpoint() const;

  // A sync call (SocketSyncCall) hands its token, taken on the JS thread, to afterSyncCall, run on
  // the Qt thread once the call's work is done (QUdpSocket: sending from the JS thread).
  virtual uint64_t syncToken() { return 0; }
  virtual void afterSyncCall(uint64_t) {}
};

// JS thread: runs fn on the Qt thread (if the socket still exists) and answers with the socket's
// snapshot and fn's result, as lib/QAbstractSocket.ts applySnapshot reads it.
Napi::Value SocketSyncCall(Napi::Env env, const std::shared_ptr<TcpSocketCore>& core,
                           const std::function<QVariant(QAbstractSocket*)>& fn);
// The core of a JS native socket object (TcpSocket), or a TypeError naming `method`.
std::shared_ptr<TcpSocketCore> UnwrapSocketCore(Napi::Value v, const char* method);
// native/udp_socket.cc: the core of a new QUdpSocket.
std::shared_ptr<TcpSocketCore> NewUdpSocketCore(std::shared_ptr<EnvChannel> channel);

}  // namespace qtn
