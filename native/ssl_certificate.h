// QSslCertificate: a value class used on the JS thread directly (Qt's QSslCertificate is
// reentrant); QSslError, and the TLS sockets and configurations, hold and give them.
#pragma once

#include <napi.h>

#include <QSslCertificate>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QSslCertificate inside a JS native QSslCertificate, or nullptr if v is not one (type tag).
const QSslCertificate* UnwrapSslCertificate(Napi::Value v);
// A new JS native QSslCertificate holding a copy of c.
Napi::Object NewSslCertificate(Napi::Env env, const QSslCertificate& c);
// Argument i as a list of certificates: an array of native QSslCertificates, else a TypeError.
QList<QSslCertificate> SslCertificateListArg(const Napi::CallbackInfo& info, size_t i, const char* method);

}  // namespace qtn
