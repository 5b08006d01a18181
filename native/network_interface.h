// QNetworkInterface: a value class used on the JS thread directly (Qt's QNetworkInterface is
// reentrant; its static lookups read the system's interfaces there). QUdpSocket's multicast calls
// take and return these (native/udp_socket.cc).
#pragma once

#include <napi.h>

#include <QNetworkInterface>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkInterface inside a JS native QNetworkInterface object, or nullptr if v is not one.
const QNetworkInterface* UnwrapNetworkInterface(Napi::Value v);
// A new JS native QNetworkInterface holding a copy of i.
Napi::Object NewNetworkInterface(Napi::Env env, const QNetworkInterface& i);

}  // namespace qtn
