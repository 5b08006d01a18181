// QSslSocket: a QTcpSocket whose bytes go through TLS. Everything a QTcpSocket does is
// QAbstractSocket's (native/abstract_socket.cc), reused as it is: Qt's QSslSocket emits the plain
// socket's signals (connected, readyRead with the decrypted bytes, disconnected) itself. Here are
// its own signals, calls and statics.
#include "ssl_socket.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <optional>
#include <string>
#include <vector>

#include "ocsp_response.h"
#include "runtime/slot_wait.h"
#include "ssl_certificate.h"
#include "ssl_cipher.h"
#include "ssl_configuration.h"
#include "ssl_error.h"
#include "ssl_errors_ask.h"
#include "ssl_key.h"
#include "ssl_pre_shared_key_authenticator.h"
#include "tcp_socket.h"

namespace qtn {

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<AbstractSocketCore>&;

// [what, serial] for the JS side, `what` made by `what(env)` (serial 0: no answer is awaited);
// nullptr when JS cannot run.
template <class What>
napi_value AskPayload(napi_env env, uint32_t serial, const What& what) {
  try {
    Napi::Env e(env);
    Napi::Array a = Napi::Array::New(e, 2);
    a.Set(0u, what(e));
    a.Set(1u, Napi::Number::New(e, serial));
    return a;
  } catch (const Napi::Error&) {
    return nullptr;
  }
}

// [[QSslError...], serial]
napi_value ErrorsPayload(napi_env env, const QList<QSslError>& errors, uint32_t serial) {
  return AskPayload(env, serial, [&](Napi::Env e) {
    Napi::Array list = Napi::Array::New(e, errors.size());
    for (qsizetype k = 0; k < errors.size(); k++) list.Set(uint32_t(k), NewSslError(e, errors[k]));
    return list;
  });
}

// What the slots of a signal whose answer Qt reads when the emission returns did to the socket:
// ignoreSslErrors() and ignoreSslErrors(errors) (sslErrors, peerVerifyError,
// handshakeInterruptedOnError), continueInterruptedHandshake() (handshakeInterruptedOnError), and
// the identity and key they set on the authenticator (preSharedKeyAuthenticationRequired).
struct SslAnswer : SlotAnswer {
  bool ignoreAll = false;
  std::optional<QList<QSslError>> ignoreErrors;
  bool continueHandshake = false;
  std::optional<QSslPreSharedKeyAuthenticator> authenticator;
};

class SslSocketCore : public AbstractSocketCore {
 public:
  using AbstractSocketCore::AbstractSocketCore;
  void create() override {
    auto* s = new Counted<QSslSocket>();
    adopt(s);
    wireSsl(s);
  }
  napi_value wrap(napi_env env) override;

  // A socket a QSslServer made: Qt may delete it behind our back.
  void adoptAccepted(QSslSocket* s) {
    adopt(s);
    wireSsl(s);
    QObject::connect(s, &QObject::destroyed, s, [this] {
      if (!deleting_) push(protocol::SocketEvent::kDestroyed);
    });
  }

  void destroyOnQt(bool emitSignals) override {
    deleting_ = true;
    AbstractSocketCore::destroyOnQt(emitSignals);
    deleting_ = false;
  }

  bool waitNow(QAbstractSocket* s, int which) override {
    if (which != protocol::SocketWait::kEncrypted) return AbstractSocketCore::waitNow(s, which);
    return static_cast<QSslSocket*>(s)->waitForEncrypted(0);
  }

 private:
  void wireSsl(QSslSocket* s) {
    QObject::connect(s, &QSslSocket::encrypted, s, [this] { push(protocol::SocketEvent::kEncrypted); });
    QObject::connect(s, &QSslSocket::modeChanged, s,
                     [this](QSslSocket::SslMode m) { pushState(protocol::SocketEvent::kModeChanged, int32_t(m)); });
    // Lazy when watched too, as an unwatched bytesWritten (Runtime::push): it comes with the next event.
    QObject::connect(s, &QSslSocket::encryptedBytesWritten, s, [this](qint64 n) {
      pushState(protocol::SocketEvent::kEncryptedBytesWritten, int32_t(n), false, true);
    });
    // Qt reads what these slots asked for once the emission returns; a peerVerifyError slot's
    // ignoreSslErrors() too, since Qt reads it at the end of the verification.
    QObject::connect(s, &QSslSocket::peerVerifyError, s, [this, s](const QSslError& e) {
      askAboutErrors(s, protocol::SocketEvent::kPeerVerifyError, {e});
    });
    QObject::connect(s, &QSslSocket::sslErrors, s, [this, s](const QList<QSslError>& errors) {
      askAboutErrors(s, protocol::SocketEvent::kSslErrors, errors);
    });
    // From inside OpenSSL's verification callback, which returns whether the handshake goes on.
    QObject::connect(s, &QSslSocket::handshakeInterruptedOnError, s, [this, s](const QSslError& e) {
      askAboutErrors(s, protocol::SocketEvent::kHandshakeInterruptedOnError, {e});
    });
    // From inside OpenSSL's PSK callback, which hands OpenSSL the identity and key set.
    QObject::connect(s, &QSslSocket::preSharedKeyAuthenticationRequired, s,
                     [this, s](QSslPreSharedKeyAuthenticator* a) { askForPreSharedKey(s, a); });
    // Qt has stored the session in the socket's configuration before it emits.
    QObject::connect(s, &QSslSocket::newSessionTicketReceived, s,
                     [this] { push(protocol::SocketEvent::kNewSessionTicketReceived); });
    QObject::connect(s, &QSslSocket::alertSent, s,
                     [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString& d) {
                       pushAlert(protocol::SocketEvent::kAlertSent, level, type, d);
                     });
    QObject::connect(s, &QSslSocket::alertReceived, s,
                     [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString& d) {
                       pushAlert(protocol::SocketEvent::kAlertReceived, level, type, d);
                     });
  }

  bool deleting_ = false;

  void pushAlert(uint32_t kind, QSsl::AlertLevel level, QSsl::AlertType type, const QString& description) {
    // Only its signal's arguments beside the state: as pushState's events when no slot watches it.
    if (!(watched.load(std::memory_order_relaxed) & (1u << kind))) return pushState(kind);
    Event e = make(kind, int32_t(level));
    e.strings = {std::to_string(int(type)), description.toStdString()};
    channel()->push(std::move(e));
  }

  // Pushes the question `kind`, its payload made by `payload(env, serial)`, and waits for the
  // slots' answer (runtime/slot_wait.h); nullptr when none came.
  template <class Payload>
  std::shared_ptr<SslAnswer> ask(QSslSocket* s, uint32_t kind, Payload payload) {
    Event base = make(kind);
    FreezeIo freeze(s);
    std::shared_ptr<SlotAnswer> answer = waitForSlot([&](uint32_t serial) {
      Event e = std::move(base);
      e.makePayload = [payload, serial](napi_env env) { return payload(env, serial); };
      return e;
    });
    return std::static_pointer_cast<SslAnswer>(answer);
  }

  void askAboutErrors(QSslSocket* s, uint32_t kind, const QList<QSslError>& errors) {
    auto answer = ask(s, kind, [errors](napi_env env, uint32_t serial) { return ErrorsPayload(env, errors, serial); });
    if (!answer) return;
    if (answer->ignoreErrors) s->ignoreSslErrors(*answer->ignoreErrors);
    if (answer->ignoreAll) s->ignoreSslErrors();
    if (answer->continueHandshake) s->continueInterruptedHandshake();
  }

  void askForPreSharedKey(QSslSocket* s, QSslPreSharedKeyAuthenticator* authenticator) {
    QSslPreSharedKeyAuthenticator asked = *authenticator;  // the payload is made on the JS thread
    auto answer =
        ask(s, protocol::SocketEvent::kPreSharedKeyAuthenticationRequired, [asked](napi_env env, uint32_t serial) {
          return AskPayload(env, serial, [&](Napi::Env e) { return NewSslPreSharedKeyAuthenticator(e, asked); });
        });
    if (!answer || !answer->authenticator) return;
    // Only what a slot can set: the hint and the limits stay the backend's, which sized OpenSSL's
    // buffers by them.
    authenticator->setIdentity(answer->authenticator->identity());
    authenticator->setPreSharedKey(answer->authenticator->preSharedKey());
  }
};

// The QSslSocket of a core (only SslSocketCore's cores reach these methods).
QSslSocket* Ssl(QAbstractSocket* s) { return static_cast<QSslSocket*>(s); }

template <class Fn>
void PostToSsl(Core core, Fn fn) {
  PostTo(core, [fn = std::move(fn)](QAbstractSocket* s) { fn(Ssl(s)); });
}

template <class Fn>
Napi::Value SslCall(Info info, Core core, Fn fn) {
  return SyncCall(info.Env(), core, [&](QAbstractSocket* s) { return QVariant(fn(Ssl(s))); });
}

// A getter whose answer is a string (a snapshot holds numbers only): "" once the Qt object is gone.
template <class Fn>
Napi::Value StringCall(Info info, Core core, Fn fn) {
  std::string out;
  core->channel()->call(
      info.Env(),
      [&] {
        if (core->object) out = fn(Ssl(core->object.data())).toStdString();
      },
      core);
  return Napi::String::New(info.Env(), out);
}

// connectToHostEncrypted(host, port, sslPeerName | null, openMode, protocol, decidedProxies)
Napi::Value ConnectToHostEncrypted(Info info, Core core) {
  const char* name = "connectToHostEncrypted";
  QString host = StringArg(info, 0, name);
  quint16 port = quint16(IntArg(info, 1, 0, 65535, name));
  bool named = !info[2].IsNull();
  QString peerName = named ? StringArg(info, 2, name) : QString();
  auto mode = QIODevice::OpenMode(int(IntArg(info, 3, 0, 0xff, name)));
  auto proto = QAbstractSocket::NetworkLayerProtocol(IntArg(info, 4, -1, 2, name));
  auto decided = DecidedProxies(info[5], name);
  return ConnectCall(info.Env(), core, decided, [&](QAbstractSocket* s) {
    if (named)
      Ssl(s)->connectToHostEncrypted(host, port, peerName, mode, proto);
    else
      Ssl(s)->connectToHostEncrypted(host, port, mode, proto);
  });
}

Napi::Value StartClientEncryption(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) {
    s->startClientEncryption();
    return QVariant();
  });
}

Napi::Value StartServerEncryption(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) {
    // Qt 6.4 dereferences the plain socket, which a socket never connected has not made yet (its
    // QTcpSocket child): PyQt6 segfaults there. Refused instead, as Qt refuses the client's.
    if (!s->findChild<QTcpSocket*>(QString(), Qt::FindDirectChildrenOnly)) {
      qWarning("QSslSocket::startServerEncryption: cannot start handshake when not connected");
      return QVariant();
    }
    s->startServerEncryption();
    return QVariant();
  });
}

Napi::Value IsEncrypted(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return s->isEncrypted(); });
}
Napi::Value ModeOf(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return int(s->mode()); });
}
Napi::Value EncryptedBytesAvailable(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return qlonglong(s->encryptedBytesAvailable()); });
}
Napi::Value EncryptedBytesToWrite(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return qlonglong(s->encryptedBytesToWrite()); });
}
Napi::Value PeerVerifyMode(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return int(s->peerVerifyMode()); });
}
Napi::Value PeerVerifyDepth(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return s->peerVerifyDepth(); });
}
Napi::Value Protocol(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return int(s->protocol()); });
}
Napi::Value SessionProtocol(Info info, Core core) {
  return SslCall(info, core, [](QSslSocket* s) { return int(s->sessionProtocol()); });
}
Napi::Value PeerVerifyName(Info info, Core core) {
  return StringCall(info, core, [](QSslSocket* s) { return s->peerVerifyName(); });
}

// The setters: lib/QSslSocket.ts checked the enums.
Napi::Value SetPeerVerifyMode(Info info, Core core) {
  auto mode = QSslSocket::PeerVerifyMode(IntArg(info, 0, 0, 3, "setPeerVerifyMode"));
  PostToSsl(core, [mode](QSslSocket* s) { s->setPeerVerifyMode(mode); });
  return info.Env().Undefined();
}
Napi::Value SetPeerVerifyDepth(Info info, Core core) {
  int depth = int(IntArg(info, 0, INT32_MIN, INT32_MAX, "setPeerVerifyDepth"));
  PostToSsl(core, [depth](QSslSocket* s) { s->setPeerVerifyDepth(depth); });
  return info.Env().Undefined();
}
Napi::Value SetPeerVerifyName(Info info, Core core) {
  QString name = StringArg(info, 0, "setPeerVerifyName");
  PostToSsl(core, [name](QSslSocket* s) { s->setPeerVerifyName(name); });
  return info.Env().Undefined();
}
Napi::Value SetProtocol(Info info, Core core) {
  auto p = QSsl::SslProtocol(IntArg(info, 0, -1, 64, "setProtocol"));
  PostToSsl(core, [p](QSslSocket* s) { s->setProtocol(p); });
  return info.Env().Undefined();
}
// setLocalCertificate(path, format): Qt reads the file, as PyQt6's does, and says nothing if it cannot.
Napi::Value SetLocalCertificateFile(Info info, Core core) {
  QString path = StringArg(info, 0, "setLocalCertificate");
  auto format = QSsl::EncodingFormat(IntArg(info, 1, 0, 1, "setLocalCertificate"));
  PostToSsl(core, [path, format](QSslSocket* s) { s->setLocalCertificate(path, format); });
  return info.Env().Undefined();
}
// setPrivateKey(fileName, algorithm, format, passPhrase)
Napi::Value SetPrivateKeyFile(Info info, Core core) {
  QString file = StringArg(info, 0, "setPrivateKey");
  auto algorithm = QSsl::KeyAlgorithm(IntArg(info, 1, 0, 4, "setPrivateKey"));
  auto format = QSsl::EncodingFormat(IntArg(info, 2, 0, 1, "setPrivateKey"));
  QByteArray passPhrase = BytesArg(info, 3, "setPrivateKey");
  PostToSsl(core, [file, algorithm, format, passPhrase](QSslSocket* s) {
    s->setPrivateKey(file, algorithm, format, passPhrase);
  });
  return info.Env().Undefined();
}

// answerSlot(serial, ignoreAll, ignoreErrors | null, continueHandshake, authenticator | null): what
// the slots of the question numbered `serial` did (SslAnswer).
Napi::Value AnswerSlot(Info info, Core core) {
  auto answer = std::make_shared<SslAnswer>();
  uint32_t serial = uint32_t(IntArg(info, 0, 0, UINT32_MAX, "answerSlot"));
  answer->ignoreAll = info[1].ToBoolean();
  if (!info[2].IsNull()) answer->ignoreErrors = SslErrorListArg(info, 2, "ignoreSslErrors");
  answer->continueHandshake = info[3].ToBoolean();
  if (!info[4].IsNull()) {
    const QSslPreSharedKeyAuthenticator* a = UnwrapSslPreSharedKeyAuthenticator(info[4]);
    if (!a)
      throw Napi::TypeError::New(info.Env(),
                                 "preSharedKeyAuthenticationRequired: QSslPreSharedKeyAuthenticator expected");
    answer->authenticator = *a;
  }
  // Not bound to the handle (no `target`): the handle's own commands wait for this very answer.
  core->channel()->postNow([core, serial, answer] { core->answerSlot(serial, answer); });
  return info.Env().Undefined();
}

// Outside a handshakeInterruptedOnError slot: Qt sets its flag, which nothing reads once the
// emission has returned (the handshake has failed by then), as in PyQt6.
Napi::Value ContinueInterruptedHandshake(Info info, Core core) {
  PostToSsl(core, [](QSslSocket* s) { s->continueInterruptedHandshake(); });
  return info.Env().Undefined();
}

// ignoreSslErrors() / ignoreSslErrors(errors) outside the slots Qt waits for: for the next handshake.
Napi::Value IgnoreSslErrors(Info info, Core core) {
  bool all = info[0].IsUndefined();
  QList<QSslError> errors = all ? QList<QSslError>() : SslErrorListArg(info, 0, "ignoreSslErrors");
  PostToSsl(core, [all, errors](QSslSocket* s) {
    if (all)
      s->ignoreSslErrors();
    else
      s->ignoreSslErrors(errors);
  });
  return info.Env().Undefined();
}

Napi::Value SetLocalCertificate(Info info, Core core) {
  const QSslCertificate* c = UnwrapSslCertificate(info[0]);
  if (!c) throw Napi::TypeError::New(info.Env(), "setLocalCertificate: QSslCertificate expected");
  QSslCertificate cert = *c;
  PostToSsl(core, [cert](QSslSocket* s) { s->setLocalCertificate(cert); });
  return info.Env().Undefined();
}

// A getter whose answer is a list of Qt values, copied on the Qt side and wrapped on the JS thread.
template <class T, class Fn, class New>
Napi::Value ListCall(Info info, Core core, Fn fn, New wrap) {
  QList<T> list;
  core->channel()->call(
      info.Env(),
      [&] {
        if (core->object) list = fn(Ssl(core->object.data()));
      },
      core);
  Napi::Array a = Napi::Array::New(info.Env(), list.size());
  for (qsizetype k = 0; k < list.size(); k++) a.Set(uint32_t(k), wrap(info.Env(), list[k]));
  return a;
}

Napi::Value SetLocalCertificateChain(Info info, Core core) {
  QList<QSslCertificate> chain = SslCertificateListArg(info, 0, "setLocalCertificateChain");
  PostToSsl(core, [chain](QSslSocket* s) { s->setLocalCertificateChain(chain); });
  return info.Env().Undefined();
}
Napi::Value LocalCertificateChain(Info info, Core core) {
  return ListCall<QSslCertificate>(
      info, core, [](QSslSocket* s) { return s->localCertificateChain(); }, NewSslCertificate);
}

Napi::Value SslHandshakeErrors(Info info, Core core) {
  return ListCall<QSslError>(
      info, core, [](QSslSocket* s) { return s->sslHandshakeErrors(); }, NewSslError);
}
Napi::Value PeerCertificateChain(Info info, Core core) {
  return ListCall<QSslCertificate>(
      info, core, [](QSslSocket* s) { return s->peerCertificateChain(); }, NewSslCertificate);
}
Napi::Value PeerCertificate(Info info, Core core) {
  return ListCall<QSslCertificate>(
      info, core, [](QSslSocket* s) { return QList<QSslCertificate>{s->peerCertificate()}; }, NewSslCertificate);
}
Napi::Value LocalCertificate(Info info, Core core) {
  return ListCall<QSslCertificate>(
      info, core, [](QSslSocket* s) { return QList<QSslCertificate>{s->localCertificate()}; }, NewSslCertificate);
}

Napi::Value SetPrivateKey(Info info, Core core) {
  const QSslKey* k = UnwrapSslKey(info[0]);
  if (!k) throw Napi::TypeError::New(info.Env(), "setPrivateKey: QSslKey expected");
  QSslKey key = *k;
  PostToSsl(core, [key](QSslSocket* s) { s->setPrivateKey(key); });
  return info.Env().Undefined();
}
Napi::Value PrivateKey(Info info, Core core) {
  return ListCall<QSslKey>(
      info, core, [](QSslSocket* s) { return QList<QSslKey>{s->privateKey()}; }, NewSslKey);
}
Napi::Value SessionCipher(Info info, Core core) {
  return ListCall<QSslCipher>(
      info, core, [](QSslSocket* s) { return QList<QSslCipher>{s->sessionCipher()}; }, NewSslCipher);
}
Napi::Value SslConfigurationOf(Info info, Core core) {
  return ListCall<QSslConfiguration>(
      info, core, [](QSslSocket* s) { return QList<QSslConfiguration>{s->sslConfiguration()}; }, NewSslConfiguration);
}
Napi::Value SetSslConfiguration(Info info, Core core) {
  const QSslConfiguration* c = UnwrapSslConfiguration(info[0]);
  if (!c) throw Napi::TypeError::New(info.Env(), "setSslConfiguration: QSslConfiguration expected");
  QSslConfiguration configuration = *c;
  PostToSsl(core, [configuration](QSslSocket* s) { s->setSslConfiguration(configuration); });
  return info.Env().Undefined();
}
Napi::Value OcspResponses(Info info, Core core) {
  return ListCall<QOcspResponse>(
      info, core, [](QSslSocket* s) { return s->ocspResponses(); }, NewOcspResponse);
}

const std::vector<SocketMethod>& SslSocketMethods() {
  static const std::vector<SocketMethod> methods = {
      {"connectToHostEncrypted", ConnectToHostEncrypted},
      {"startClientEncryption", StartClientEncryption},
      {"startServerEncryption", StartServerEncryption},
      {"isEncrypted", IsEncrypted},
      {"mode", ModeOf},
      {"encryptedBytesAvailable", EncryptedBytesAvailable},
      {"encryptedBytesToWrite", EncryptedBytesToWrite},
      {"peerVerifyMode", PeerVerifyMode},
      {"peerVerifyDepth", PeerVerifyDepth},
      {"peerVerifyName", PeerVerifyName},
      {"protocol", Protocol},
      {"sessionProtocol", SessionProtocol},
      {"setPeerVerifyMode", SetPeerVerifyMode},
      {"setPeerVerifyDepth", SetPeerVerifyDepth},
      {"setPeerVerifyName", SetPeerVerifyName},
      {"setProtocol", SetProtocol},
      {"setLocalCertificateFile", SetLocalCertificateFile},
      {"setPrivateKeyFile", SetPrivateKeyFile},
      {"setLocalCertificate", SetLocalCertificate},
      {"answerSlot", AnswerSlot},
      {"continueInterruptedHandshake", ContinueInterruptedHandshake},
      {"ignoreSslErrors", IgnoreSslErrors},
      {"sslHandshakeErrors", SslHandshakeErrors},
      {"peerCertificateChain", PeerCertificateChain},
      {"peerCertificate", PeerCertificate},
      {"localCertificate", LocalCertificate},
      {"setLocalCertificateChain", SetLocalCertificateChain},
      {"localCertificateChain", LocalCertificateChain},
      {"setPrivateKey", SetPrivateKey},
      {"privateKey", PrivateKey},
      {"sessionCipher", SessionCipher},
      {"sslConfiguration", SslConfigurationOf},
      {"setSslConfiguration", SetSslConfiguration},
      {"ocspResponses", OcspResponses},
  };
  return methods;
}

// ---- the statics: Qt's TLS backends answer them, on the JS thread (they lock what they share) ----

QString Backend(Info info, size_t i, const char* method) {
  return info.Length() > i && !info[i].IsUndefined() ? StringArg(info, i, method) : QString();
}

Napi::Value Strings(Napi::Env env, const QList<QString>& list) {
  Napi::Array a = Napi::Array::New(env, list.size());
  for (qsizetype k = 0; k < list.size(); k++) a.Set(uint32_t(k), Napi::String::New(env, list[k].toStdString()));
  return a;
}

template <class E>
Napi::Value Numbers(Napi::Env env, const QList<E>& list) {
  Napi::Array a = Napi::Array::New(env, list.size());
  for (qsizetype k = 0; k < list.size(); k++) a.Set(uint32_t(k), Napi::Number::New(env, int(list[k])));
  return a;
}

Napi::Value SupportsSsl(Info info) { return Napi::Boolean::New(info.Env(), QSslSocket::supportsSsl()); }
Napi::Value SslLibraryVersionNumber(Info info) {
  return Napi::Number::New(info.Env(), double(QSslSocket::sslLibraryVersionNumber()));
}
Napi::Value SslLibraryVersionString(Info info) {
  return Napi::String::New(info.Env(), QSslSocket::sslLibraryVersionString().toStdString());
}
Napi::Value SslLibraryBuildVersionNumber(Info info) {
  return Napi::Number::New(info.Env(), double(QSslSocket::sslLibraryBuildVersionNumber()));
}
Napi::Value SslLibraryBuildVersionString(Info info) {
  return Napi::String::New(info.Env(), QSslSocket::sslLibraryBuildVersionString().toStdString());
}
Napi::Value ActiveBackend(Info info) {
  return Napi::String::New(info.Env(), QSslSocket::activeBackend().toStdString());
}
Napi::Value AvailableBackends(Info info) { return Strings(info.Env(), QSslSocket::availableBackends()); }
Napi::Value SetActiveBackend(Info info) {
  return Napi::Boolean::New(info.Env(), QSslSocket::setActiveBackend(StringArg(info, 0, "setActiveBackend")));
}
Napi::Value ImplementedClasses(Info info) {
  return Numbers(info.Env(), QSslSocket::implementedClasses(Backend(info, 0, "implementedClasses")));
}
Napi::Value SupportedFeatures(Info info) {
  return Numbers(info.Env(), QSslSocket::supportedFeatures(Backend(info, 0, "supportedFeatures")));
}
Napi::Value SupportedProtocols(Info info) {
  return Numbers(info.Env(), QSslSocket::supportedProtocols(Backend(info, 0, "supportedProtocols")));
}
Napi::Value IsClassImplemented(Info info) {
  auto cl = QSsl::ImplementedClass(IntArg(info, 0, INT32_MIN, INT32_MAX, "isClassImplemented"));
  return Napi::Boolean::New(info.Env(), QSslSocket::isClassImplemented(cl, Backend(info, 1, "isClassImplemented")));
}
Napi::Value IsFeatureSupported(Info info) {
  auto f = QSsl::SupportedFeature(IntArg(info, 0, INT32_MIN, INT32_MAX, "isFeatureSupported"));
  return Napi::Boolean::New(info.Env(), QSslSocket::isFeatureSupported(f, Backend(info, 1, "isFeatureSupported")));
}
Napi::Value IsProtocolSupported(Info info) {
  auto p = QSsl::SslProtocol(IntArg(info, 0, INT32_MIN, INT32_MAX, "isProtocolSupported"));
  return Napi::Boolean::New(info.Env(), QSslSocket::isProtocolSupported(p, Backend(info, 1, "isProtocolSupported")));
}

class QSslSocketWrap : public AbstractSocketWrap<QSslSocketWrap> {
 public:
  static constexpr const char* kName = "QSslSocket";
  static constexpr napi_type_tag kTag = {0x7d2f4c91e8a35b06ULL, 0xc4a1f83e59d27b10ULL};

  using AbstractSocketWrap::AbstractSocketWrap;

  static std::shared_ptr<AbstractSocketCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<SslSocketCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    Methods methods = SocketMethods();
    AddCoreMethods(methods, SslSocketMethods());
    for (auto [name, fn] : std::initializer_list<std::pair<const char*, Napi::Value (*)(Info)>>{
             {"supportsSsl", SupportsSsl},
             {"sslLibraryVersionNumber", SslLibraryVersionNumber},
             {"sslLibraryVersionString", SslLibraryVersionString},
             {"sslLibraryBuildVersionNumber", SslLibraryBuildVersionNumber},
             {"sslLibraryBuildVersionString", SslLibraryBuildVersionString},
             {"activeBackend", ActiveBackend},
             {"availableBackends", AvailableBackends},
             {"setActiveBackend", SetActiveBackend},
             {"implementedClasses", ImplementedClasses},
             {"supportedFeatures", SupportedFeatures},
             {"supportedProtocols", SupportedProtocols},
             {"isClassImplemented", IsClassImplemented},
             {"isFeatureSupported", IsFeatureSupported},
             {"isProtocolSupported", IsProtocolSupported},
         })
      methods.push_back(StaticMethod(name, fn));
    return DefineHandleClass(env, m, std::move(methods));
  }
};

napi_value SslSocketCore::wrap(napi_env env) {
  return QSslSocketWrap::Wrap(env, std::static_pointer_cast<AbstractSocketCore>(shared_from_this()));
}

const bool registered = RegisterHandleClass(QSslSocketWrap::kName, &QSslSocketWrap::Init);

}  // namespace

std::shared_ptr<AbstractSocketCore> SslSocketCoreOf(Napi::Value v) { return QSslSocketWrap::CoreOf(v); }

std::shared_ptr<AbstractSocketCore> NewAcceptedSslSocket(std::shared_ptr<Runtime> channel, QSslSocket* socket) {
  auto core = std::make_shared<SslSocketCore>(std::move(channel));
  core->adoptAccepted(socket);
  return core;
}

}  // namespace qtn
