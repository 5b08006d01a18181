// QSslCertificateExtension: a value class used on the JS thread directly (Qt's is reentrant);
// QSslCertificate.extensions() gives them.
#pragma once

#include <napi.h>

#include <QSslCertificateExtension>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// A new JS native QSslCertificateExtension holding a copy of e.
Napi::Object NewSslCertificateExtension(Napi::Env env, const QSslCertificateExtension& e);

}  // namespace qtn
