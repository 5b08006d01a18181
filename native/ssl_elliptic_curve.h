// QSslEllipticCurve: a value class used on the JS thread directly (a plain id in Qt). The SSL
// configuration's curve lists hand copies across.
#pragma once

#include <napi.h>

#include <QSslEllipticCurve>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QSslEllipticCurve inside a JS native QSslEllipticCurve, or nullptr if v is not one (type tag).
const QSslEllipticCurve* UnwrapSslEllipticCurve(Napi::Value v);
// A new JS native QSslEllipticCurve holding a copy of c.
Napi::Object NewSslEllipticCurve(Napi::Env env, const QSslEllipticCurve& c);

}  // namespace qtn
