// QSslSocket: a QTcpSocket (native/tcp_socket.h) holding a QSslSocket, with the TLS signals and calls.
#pragma once

#include <napi.h>

#include <memory>

#include "abstract_socket.h"

namespace qtn {

// JS side: the core of a JS QSslSocket's native object, or nullptr.
std::shared_ptr<AbstractSocketCore> SslSocketCoreOf(Napi::Value v);

}  // namespace qtn
