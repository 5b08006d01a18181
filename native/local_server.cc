// QLocalServer: the Qt-side half (LocalServerCore) and its JS object; lib/QLocalServer.ts mirrors it.
#include <QLocalServer>
#include <QLocalSocket>
#include <QVariant>

#include <deque>

#include "handle_wrap.h"
#include "local_socket.h"
#include "protocol.h"

namespace qtn {

namespace {

using protocol::LocalServerSnapshot;
using Ev = protocol::ServerEvent;

class LocalServerCore;

// Accepted sockets get their Qt-side half before JS hears of them, so that the bytes they receive
// while pending reach JS, and so that JS (not the server) owns them, as nextPendingConnection's
// caller does in PyQt6. Qt 6.4's QLocalServer has no addPendingConnection: the queue is ours
// (LocalServerCore::pending), and newConnection is emitted here as Qt's incomingConnection does.
class Server : public Counted<QLocalServer> {
 public:
  explicit Server(LocalServerCore* core) : core_(core) {}

 protected:
  void incomingConnection(quintptr fd) override;

 private:
  LocalServerCore* core_;
};

class LocalServerCore : public QtHandle<QLocalServer> {
 public:
  using QtHandle::QtHandle;

  // Accepted connections JS has not taken yet (nextPendingConnection), oldest first.
  std::deque<std::weak_ptr<LocalSocketCore>> pending;
  uint64_t accepted = 0;  // connections accepted so far (waitNow tells whether one came)

  void create() override {
    QLocalServer* s = new Server(this);
    object = s;
    QObject::connect(s, &QLocalServer::newConnection, s, [this] { push(Ev::kNewConnection); });
  }

  // A server deletes the sockets still pending: it goes before them.
  int destroyRank() const override { return 0; }

  void destroyOnQt(bool emitSignals) override {
    dropPending();
    QtHandle::destroyOnQt(emitSignals);
  }

  // close() and deletion: Qt deletes the connections still pending, whose clients see them close.
  void dropPending() {
    for (auto& w : pending)
      if (auto c = w.lock()) delete c->object.data();
    pending.clear();
  }

  void push(uint32_t kind, int32_t arg = 0, std::shared_ptr<Handle> socket = nullptr) {
    Event e;
    e.handle = id();
    e.kind = kind;
    e.seq = ++seq;
    e.i[3] = arg;
    fill(e.i, e.d, e.strings);
    e.handleArg = std::move(socket);
    channel()->push(std::move(e));
  }

  // What JS mirrors (protocol.h LocalServerSnapshot): listening, error, socket options; backlog,
  // max pending; server name, full server name, error string.
  void fill(int32_t* i, double* d, std::vector<std::string>& strings) const {
    QLocalServer* s = object;
    i[0] = s && s->isListening() ? 1 : 0;
    i[1] = s ? int(s->serverError()) : -1;
    i[2] = s ? int(s->socketOptions()) : 0;
    d[0] = s ? s->listenBacklogSize() : 0;
    d[1] = s ? s->maxPendingConnections() : 0;
    strings = {s ? s->serverName().toStdString() : std::string(), s ? s->fullServerName().toStdString() : std::string(),
               s ? s->errorString().toStdString() : std::string()};
  }

  struct Snapshot {
    double seq = 0;
    int32_t i[4] = {0, 0, 0, 0};
    double d[2] = {0, 0};
    std::vector<std::string> strings;
    void take(const LocalServerCore& c) {
      seq = c.seq;
      c.fill(i, d, strings);
    }
    Napi::Array toJs(Napi::Env env, Napi::Value result) const {
      Napi::Array a = Napi::Array::New(env, LocalServerSnapshot::kLength);
      a.Set(uint32_t(LocalServerSnapshot::kSeq), Napi::Number::New(env, seq));
      a.Set(uint32_t(LocalServerSnapshot::kListening), Napi::Number::New(env, i[0]));
      a.Set(uint32_t(LocalServerSnapshot::kError), Napi::Number::New(env, i[1]));
      a.Set(uint32_t(LocalServerSnapshot::kSocketOptions), Napi::Number::New(env, i[2]));
      a.Set(uint32_t(LocalServerSnapshot::kBacklog), Napi::Number::New(env, d[0]));
      a.Set(uint32_t(LocalServerSnapshot::kMaxPending), Napi::Number::New(env, d[1]));
      for (uint32_t k = 0; k < 3; k++) a.Set(LocalServerSnapshot::kServerName + k, Napi::String::New(env, strings[k]));
      a.Set(uint32_t(LocalServerSnapshot::kResult), result);
      return a;
    }
  };

 protected:
  void pushDestroyed() override { push(Ev::kDestroyed); }
};

void Server::incomingConnection(quintptr fd) {
  auto* s = new Counted<QLocalSocket>();
  if (!s->setSocketDescriptor(qintptr(fd))) {
    delete s;
    return;
  }
  auto sc = std::make_shared<LocalSocketCore>(core_->channel());
  sc->adopt(s);
  core_->channel()->add(sc);
  core_->pending.push_back(sc);
  core_->accepted++;
  core_->push(Ev::kNewPending, 0, sc);
  sc->push(protocol::SocketEvent::kEndpoint, 0, true);
  Q_EMIT newConnection();
}

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<LocalServerCore>&;

// listen(name)
Napi::Value Listen(Info info, Core core) {
  QString name = StringArg(info, 0, "listen");
  return SyncCall(info.Env(), core, [&](QLocalServer* s) { return QVariant(s->listen(name)); });
}

// listenDescriptor(fd): listen(socketDescriptor), a descriptor already listening.
Napi::Value ListenDescriptor(Info info, Core core) {
  qintptr fd = qintptr(IntArg(info, 0, -1, INT32_MAX, "listen"));
  return SyncCall(info.Env(), core, [&](QLocalServer* s) { return QVariant(s->listen(fd)); });
}

Napi::Value Close(Info info, Core core) {
  return SyncCall(info.Env(), core, [&](QLocalServer* s) {
    core->dropPending();
    s->close();
    return QVariant();
  });
}

// JS took the oldest pending connection.
Napi::Value Take(Info info, Core core) {
  PostTo(core, [c = core.get()](QLocalServer*) {
    if (!c->pending.empty()) c->pending.pop_front();
  });
  return info.Env().Undefined();
}

template <void (QLocalServer::*Set)(int)>
Napi::Value SetInt(Info info, Core core) {
  int n = int(IntArg(info, 0, INT32_MIN, INT32_MAX, "setMaxPendingConnections"));
  return SyncCall(info.Env(), core, [n](QLocalServer* s) {
    (s->*Set)(n);
    return QVariant();
  });
}

Napi::Value SetSocketOptions(Info info, Core core) {
  auto options = QLocalServer::SocketOptions(int(IntArg(info, 0, 0, 0xf, "setSocketOptions")));
  return SyncCall(info.Env(), core, [options](QLocalServer* s) {
    s->setSocketOptions(options);
    return QVariant();
  });
}

Napi::Value SocketDescriptor(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QLocalServer* s) { return QVariant(qlonglong(s->socketDescriptor())); });
}

Napi::Value Snapshot(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QLocalServer*) { return QVariant(); });
}

// A JS-side waitForNewConnection ran out: Qt's own zero-timeout wait decides (its queue is ours,
// so whether a connection came is counted here). Answers ok + 2 * timedOut.
Napi::Value WaitNow(Info info, Core core) {
  return SyncCall(info.Env(), core, [&](QLocalServer* s) {
    bool timedOut = false;
    uint64_t before = core->accepted;
    s->waitForNewConnection(0, &timedOut);
    return QVariant(int(core->accepted != before) + 2 * int(timedOut));
  });
}

// removeServer(name): a file operation, on the JS thread (Qt's static, as PyQt6 calls it).
Napi::Value RemoveServer(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), QLocalServer::removeServer(StringArg(info, 0, "removeServer")));
}

class QLocalServerWrap : public HandleWrap<QLocalServerWrap, LocalServerCore> {
 public:
  static constexpr const char* kName = "QLocalServer";
  static constexpr napi_type_tag kTag = {0x2fa61c8d93e74b05ULL, 0x8b5d0e7c14a36f92ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<LocalServerCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<LocalServerCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<LocalServerCore>> methods = {
        {"listen", Listen},
        {"listenDescriptor", ListenDescriptor},
        {"close", Close},
        {"take", Take},
        {"setMaxPendingConnections", SetInt<&QLocalServer::setMaxPendingConnections>},
        {"setListenBacklogSize", SetInt<&QLocalServer::setListenBacklogSize>},
        {"setSocketOptions", SetSocketOptions},
        {"socketDescriptor", SocketDescriptor},
        {"snapshot", Snapshot},
        {"waitNow", WaitNow},
    };
    Methods all;
    AddCoreMethods(all, methods);
    all.push_back(StaticMethod<&RemoveServer>("removeServer"));
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QLocalServerWrap::kName, &QLocalServerWrap::Init);

}  // namespace

}  // namespace qtn
