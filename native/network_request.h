// QNetworkRequest: a value class used on the JS thread directly (Qt's QNetworkRequest is reentrant);
// QNetworkAccessManager copies it to the Qt side with each request.
#pragma once

#include <napi.h>

#include <QNetworkRequest>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkRequest inside a JS native QNetworkRequest, or nullptr if v is not one (type tag).
const QNetworkRequest* UnwrapNetworkRequest(Napi::Value v);
// A new JS native QNetworkRequest holding a copy of r.
Napi::Object NewNetworkRequest(Napi::Env env, const QNetworkRequest& r);

}  // namespace qtn
