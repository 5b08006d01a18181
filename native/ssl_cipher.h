// QSslCipher: a value class used on the JS thread directly (Qt's QSslCipher is reentrant). The
// SSL configuration's cipher lists and a socket's session cipher hand copies across.
#pragma once

#include <napi.h>

#include <QSslCipher>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QSslCipher inside a JS native QSslCipher, or nullptr if v is not one (type tag).
const QSslCipher* UnwrapSslCipher(Napi::Value v);
// A new JS native QSslCipher holding a copy of c.
Napi::Object NewSslCipher(Napi::Env env, const QSslCipher& c);

}  // namespace qtn
