// QSslSocket: a QTcpSocket (native/tcp_socket.h) holding a QSslSocket, with the TLS signals and calls.
#pragma once

#include <napi.h>

#include <QSslSocket>

#include <memory>

#include "abstract_socket.h"

namespace qtn {

// JS side: the core of a JS QSslSocket's native object, or nullptr.
std::shared_ptr<AbstractSocketCore> SslSocketCoreOf(Napi::Value v);

// Qt side: the core of a socket a QSslServer made (one of its children, which it deletes when its
// handshake fails or times out: JS then gets the socket's Destroyed event).
std::shared_ptr<AbstractSocketCore> NewAcceptedSslSocket(std::shared_ptr<Runtime> channel, QSslSocket* socket);

}  // namespace qtn
