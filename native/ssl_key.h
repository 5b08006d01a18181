// QSslKey: a value class used on the JS thread directly (Qt's QSslKey is reentrant); certificates
// give their public keys as one, and the TLS configuration takes a private one.
#pragma once

#include <napi.h>

#include <QSslKey>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QSslKey inside a JS native QSslKey, or nullptr if v is not one (type tag).
QSslKey* UnwrapSslKey(Napi::Value v);
// A new JS native QSslKey holding a copy of k.
Napi::Object NewSslKey(Napi::Env env, const QSslKey& k);

}  // namespace qtn
