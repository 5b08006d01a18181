// QHttp2Configuration: a value class used on the JS thread directly (Qt's QHttp2Configuration is
// reentrant); QNetworkRequest holds one and hands copies to and from JS.
#pragma once

#include <napi.h>

#include <QHttp2Configuration>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QHttp2Configuration inside a JS native QHttp2Configuration, or nullptr if v is not one.
const QHttp2Configuration* UnwrapHttp2Configuration(Napi::Value v);
// A new JS native QHttp2Configuration holding a copy of c.
Napi::Object NewHttp2Configuration(Napi::Env env, const QHttp2Configuration& c);

}  // namespace qtn
