// QNetworkProxyQuery: a value class used on the JS thread directly (Qt's QNetworkProxyQuery is
// reentrant). We have no QUrl: URLs cross as strings, parsed and printed by Qt's QUrl.
#pragma once

#include <napi.h>

#include <QNetworkProxyQuery>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkProxyQuery inside a JS native QNetworkProxyQuery object, or nullptr if v is not one
// (checked by type tag).
const QNetworkProxyQuery* UnwrapNetworkProxyQuery(Napi::Value v);
// A new JS native QNetworkProxyQuery holding a copy of q; nullptr, and no C++ exception, when JS
// cannot run.
napi_value NewNetworkProxyQueryOrNull(napi_env env, const QNetworkProxyQuery& q);

}  // namespace qtn
