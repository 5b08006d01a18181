// QSslConfiguration: a value class used on the JS thread directly (Qt's QSslConfiguration is
// reentrant); sockets, servers, requests and replies hand copies of it to and from JS.
#pragma once

#include <napi.h>

#include <QSslConfiguration>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QSslConfiguration inside a JS native QSslConfiguration, or nullptr if v is not one.
const QSslConfiguration* UnwrapSslConfiguration(Napi::Value v);
// A new JS native QSslConfiguration holding a copy of c.
Napi::Object NewSslConfiguration(Napi::Env env, const QSslConfiguration& c);

}  // namespace qtn
