// QSslError: a value class used on the JS thread directly (Qt's QSslError is reentrant);
// QSslCertificate.verify and the TLS sockets' sslErrors give lists of them.
#pragma once

#include <napi.h>

#include <QSslError>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QSslError inside a JS native QSslError, or nullptr if v is not one (type tag).
const QSslError* UnwrapSslError(Napi::Value v);
// A new JS native QSslError holding a copy of e.
Napi::Object NewSslError(Napi::Env env, const QSslError& e);

}  // namespace qtn
