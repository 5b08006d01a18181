// QTcpSocket: a QAbstractSocket (native/abstract_socket.h) holding a QTcpSocket.
#pragma once

#include <memory>

#include "abstract_socket.h"

namespace qtn {

// Qt side: the core of a connection a server accepted; its JS object is made when the event
// that carries it is delivered (Handle::wrap).
std::shared_ptr<AbstractSocketCore> NewAcceptedTcpSocket(std::shared_ptr<Runtime> channel, QAbstractSocket* socket);

// JS side: the core of a JS QTcpSocket's (or QSslSocket's) native object, or nullptr (a server's
// addPendingConnection).
std::shared_ptr<AbstractSocketCore> TcpSocketCoreOf(Napi::Value v);

}  // namespace qtn
