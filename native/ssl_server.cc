// QSslServer: a QTcpServer (native/tcp_server.h) whose Qt object is a QSslServer. Qt's own
// incomingConnection makes each connection's QSslSocket (a child of the server), wires its
// signals to the server's, runs the handshake timer, and queues the socket once encrypted; it
// deletes a socket whose handshake fails or times out. Here each such socket gets its Qt-side half
// at once (its JS object is made before any of its events), and the server's signals that name it
// reach JS by its handle id. The socket's own TLS signals (sslErrors, peerVerifyError, alerts)
// reach the server's JS signals through the socket's JS object (lib/QSslServer.ts), so that an
// sslErrors slot of the server answers in the slot as a socket's does.
#include <QSslConfiguration>
#include <QSslError>
#include <QSslServer>
#include <QSslSocket>

#include <map>
#include <string>

#include "protocol.h"
#include "ssl_configuration.h"
#include "ssl_error.h"
#include "ssl_socket.h"
#include "tcp_server.h"

namespace qtn {

namespace {

using Ev = protocol::ServerEvent;

class SslServerCore : public TcpServerCore {
 public:
  using TcpServerCore::TcpServerCore;

  std::shared_ptr<Handle> accept(qintptr fd, bool) override {
    auto* s = server();
    if (!s) return nullptr;
    s->baseIncoming(fd);
    // The socket Qt made for fd: its newest child on fd (none if setSocketDescriptor failed).
    const QObjectList& kids = s->children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
      auto* t = qobject_cast<QSslSocket*>(*it);
      if (t && t->socketDescriptor() == fd) {
        track(t);
        break;
      }
    }
    // JS gets it by the SslSocket event; it joins the pending queue once encrypted.
    return nullptr;
  }

 protected:
  QTcpServer* make() override {
    auto* s = new ServerObject<QSslServer>(this);
    QObject::connect(s, &QSslServer::startedEncryptionHandshake, s,
                     [this](QSslSocket* t) { pushFor(Ev::kStartedEncryptionHandshake, t); });
    QObject::connect(s, &QSslServer::errorOccurred, s, [this](QSslSocket* t, QAbstractSocket::SocketError e) {
      pushFor(Ev::kSslErrorOccurred, t, int32_t(e));
    });
    return s;
  }

  void addPendingToQt(QTcpSocket* socket) override { server()->addPending(socket); }

  // Qt queued a socket whose handshake ended (its encrypted slot, connected before ours): the one
  // tracked that is encrypted. JS moves it to its pending queue before pendingConnectionAvailable.
  void pendingFromQt() override {
    for (auto it = tracked_.begin(); it != tracked_.end();) {
      if (!it->first->isEncrypted()) {
        ++it;
        continue;
      }
      QObject::disconnect(it->second.untrack);
      push(Ev::kNewPending, int32_t(it->second.id));
      it = tracked_.erase(it);
    }
    TcpServerCore::pendingFromQt();
  }

 private:
  struct Tracked {
    uint32_t id;
    QMetaObject::Connection untrack;
  };

  ServerObject<QSslServer>* server() const { return static_cast<ServerObject<QSslServer>*>(object.data()); }

  // The id of t's handle, made (and announced to JS) the first time the server names t.
  uint32_t track(QSslSocket* t) {
    auto it = tracked_.find(t);
    if (it != tracked_.end()) return it->second.id;
    auto sc = NewAcceptedSslSocket(channel(), t);
    channel()->add(sc);
    uint32_t sid = sc->id();
    Tracked entry{sid, QObject::connect(t, &QObject::destroyed, object.data(), [this, t] { tracked_.erase(t); })};
    tracked_.emplace(t, entry);
    pushFor(Ev::kSslSocket, t, 0, nullptr, sc);
    sc->push(protocol::SocketEvent::kEndpoint, 0, true);
    return sid;
  }

  // An event naming socket t (I3), with no server state: its Seq is the last event's, so JS applies none.
  void pushFor(uint32_t kind, QSslSocket* t, int32_t value = 0, std::function<napi_value(napi_env)> payload = nullptr,
               std::shared_ptr<Handle> socket = nullptr) {
    Event e;
    e.handle = id();
    e.kind = kind;
    e.seq = seq;
    e.i[0] = value;
    e.i[3] = int32_t(socket ? socket->id() : track(t));
    e.handleArg = std::move(socket);
    e.makePayload = std::move(payload);
    channel()->push(std::move(e));
  }

  // The sockets Qt is handshaking on (Qt side only).
  std::map<QSslSocket*, Tracked> tracked_;
};

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<TcpServerCore>&;

QSslServer* Ssl(QTcpServer* s) { return static_cast<QSslServer*>(s); }

Napi::Value SetSslConfiguration(Info info, Core core) {
  const QSslConfiguration* c = UnwrapSslConfiguration(info[0]);
  if (!c) throw Napi::TypeError::New(info.Env(), "setSslConfiguration: QSslConfiguration expected");
  QSslConfiguration configuration = *c;
  PostTo(core, [configuration](QTcpServer* s) { Ssl(s)->setSslConfiguration(configuration); });
  return info.Env().Undefined();
}

// A copy of the server's; Qt's default one once the Qt object is gone.
Napi::Value SslConfigurationOf(Info info, Core core) {
  QSslConfiguration configuration;
  bool known = false;
  core->channel()->call(
      info.Env(),
      [&] {
        if (core->object) {
          configuration = Ssl(core->object.data())->sslConfiguration();
          known = true;
        }
      },
      core);
  return NewSslConfiguration(info.Env(), known ? configuration : QSslConfiguration::defaultConfiguration());
}

Napi::Value SetHandshakeTimeout(Info info, Core core) {
  int timeout = int(IntArg(info, 0, INT32_MIN, INT32_MAX, "setHandshakeTimeout"));
  PostTo(core, [timeout](QTcpServer* s) { Ssl(s)->setHandshakeTimeout(timeout); });
  return info.Env().Undefined();
}

Napi::Value HandshakeTimeout(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTcpServer* s) { return QVariant(Ssl(s)->handshakeTimeout()); });
}

class QSslServerWrap : public HandleWrap<QSslServerWrap, TcpServerCore> {
 public:
  static constexpr const char* kName = "QSslServer";
  static constexpr napi_type_tag kTag = {0x5b0e91c7d3f24a86ULL, 0xa2d84f1e06c9b37dULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<TcpServerCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<SslServerCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<TcpServerCore>> methods = {
        {"setSslConfiguration", SetSslConfiguration},
        {"sslConfiguration", SslConfigurationOf},
        {"setHandshakeTimeout", SetHandshakeTimeout},
        {"handshakeTimeout", HandshakeTimeout},
    };
    Methods all;
    AddCoreMethods(all, TcpServerMethods());
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QSslServerWrap::kName, &QSslServerWrap::Init);

}  // namespace

}  // namespace qtn
