// QTcpServer's Qt-side half (TcpServerCore), the Qt object it makes (ServerObject) and its JS
// methods, shared with QSslServer (native/ssl_server.cc), whose Qt object is a QSslServer.
#pragma once

#include <napi.h>

#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "handle_wrap.h"
#include "protocol.h"
#include "runtime/live_count.h"

namespace qtn {

class TcpServerCore;

// The Qt object of a server core: Base (QTcpServer or QSslServer) with its accepts sent to the core.
template <class Base>
class ServerObject : public Counted<Base> {
 public:
  explicit ServerObject(TcpServerCore* core) : core_(core) {}
  // Qt's are protected: a subclass's own incomingConnection calls them, here from JS or the core.
  void addPending(QTcpSocket* socket) { this->addPendingConnection(socket); }
  void baseIncoming(qintptr fd) { Base::incomingConnection(fd); }

 protected:
  void incomingConnection(qintptr fd) override;

 private:
  TcpServerCore* core_;
};

class TcpServerCore : public QtHandle<QTcpServer> {
 public:
  using QtHandle::QtHandle;

  void create() override;

  // A server deletes the sockets still in its pending queue: it goes before them.
  int destroyRank() const override { return 0; }

  ~TcpServerCore() override { closeUnclaimed(); }

  void destroyOnQt(bool emitSignals) override {
    QtHandle::destroyOnQt(emitSignals);
    closeUnclaimed();
  }

  // Qt side: Qt accepted fd (ServerObject::incomingConnection).
  void incoming(qintptr fd);
  // Qt side: Qt's own incomingConnection for fd (a JS subclass's super.incomingConnection, or no
  // override); answers the core of the socket made, if JS gets it now (QTcpServer's pending one).
  virtual std::shared_ptr<Handle> accept(qintptr fd, bool fromJs);
  // Qt side: a socket JS made joins Qt's queue; JS queued it already and emits
  // pendingConnectionAvailable itself, inside its call, as Qt does (the thread runtime would
  // deliver Qt's after the newConnection that follows).
  void addPendingQuietly(QTcpSocket* socket) {
    quiet_ = true;
    addPendingToQt(socket);
    quiet_ = false;
  }

  // Set by JS once, at construction, when its class overrides incomingConnection: Qt's accepts then
  // go to JS as descriptors (IncomingConnection) instead of sockets. Read on the Qt side.
  std::atomic<bool> overridden{false};

  // Qt side: a descriptor Qt accepted, for JS's incomingConnection. Ours (closed with the server)
  // until JS claims it: a JS object that is gone or an environment that closes never does.
  void offer(qintptr fd);
  // JS side: JS owns fd from now on; false if it was not offered (or was closed meanwhile).
  bool claim(qintptr fd);

  void push(uint32_t kind, int32_t arg = 0, std::shared_ptr<Handle> socket = nullptr);

  // What JS mirrors (protocol.h ServerSnapshot): listening, error, port; backlog, max pending;
  // address and error string.
  void fill(int32_t* i, double* d, std::vector<std::string>& strings) const;

  struct Snapshot {
    double seq = 0;
    int32_t i[4] = {0, 0, 0, 0};
    double d[2] = {0, 0};
    std::vector<std::string> strings;
    void take(const TcpServerCore& c) {
      seq = c.seq;
      c.fill(i, d, strings);
    }
    Napi::Array toJs(Napi::Env env, Napi::Value result) const;
  };

 protected:
  void pushDestroyed() override { push(protocol::ServerEvent::kDestroyed); }
  // Qt side: the Qt object, made and wired (QTcpServer's signals); a subclass makes its own kind.
  virtual QTcpServer* make() { return new ServerObject<QTcpServer>(this); }
  virtual void addPendingToQt(QTcpSocket* socket) {
    static_cast<ServerObject<QTcpServer>*>(object.data())->addPending(socket);
  }
  // Qt's pendingConnectionAvailable for a connection Qt queued itself (not JS's addPendingConnection).
  virtual void pendingFromQt() { push(protocol::ServerEvent::kPendingConnectionAvailable); }

 private:
  void closeUnclaimed();

  bool quiet_ = false;
  std::mutex fdMu_;  // offer() on the Qt side, claim() on the JS side (the thread runtime)
  std::set<qintptr> unclaimed_;
};

template <class Base>
void ServerObject<Base>::incomingConnection(qintptr fd) {
  core_->incoming(fd);
}

// The JS methods of a server core (listen, close, take, ...): QTcpServer's and QSslServer's.
const std::vector<CoreMethod<TcpServerCore>>& TcpServerMethods();

}  // namespace qtn
