// QNetworkCookie: a value class used on the JS thread directly (Qt's QNetworkCookie is reentrant);
// the cookie jar copies cookies to and from the Qt side.
#pragma once

#include <napi.h>

#include <QNetworkCookie>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkCookie inside a JS native QNetworkCookie, or nullptr if v is not one (type tag).
const QNetworkCookie* UnwrapNetworkCookie(Napi::Value v);
// A new JS native QNetworkCookie holding a copy of c.
Napi::Object NewNetworkCookie(Napi::Env env, const QNetworkCookie& c);

}  // namespace qtn
