// QNetworkDatagram: a value class used on the JS thread directly (Qt's QNetworkDatagram is
// reentrant). A QUdpSocket's received datagrams reach JS as these (native/udp_socket.cc).
#pragma once

#include <napi.h>

#include <QNetworkDatagram>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkDatagram inside a JS native QNetworkDatagram object, or nullptr if v is not one.
const QNetworkDatagram* UnwrapNetworkDatagram(Napi::Value v);
// A new JS native QNetworkDatagram holding a copy of d.
Napi::Object NewNetworkDatagram(Napi::Env env, const QNetworkDatagram& d);

}  // namespace qtn
