// QNetworkProxy: a value class used on the JS thread directly (Qt's QNetworkProxy is reentrant, and
// its application proxy is a global Qt guards with a mutex).
#pragma once

#include <napi.h>

#include <QNetworkProxy>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkProxy inside a JS native QNetworkProxy object, or nullptr if v is not one (checked by
// type tag, so no other wrapped object is ever taken for one).
const QNetworkProxy* UnwrapNetworkProxy(Napi::Value v);
// A new JS native QNetworkProxy holding a copy of p.
Napi::Object NewNetworkProxy(Napi::Env env, const QNetworkProxy& p);
// The same for event payloads, in raw N-API: nullptr when JS cannot run (never throws).
napi_value NewNetworkProxyOrNull(napi_env env, const QNetworkProxy& p);

}  // namespace qtn
