// QHostAddress: a value class used on the JS thread directly (Qt's QHostAddress is reentrant).
#pragma once

#include <napi.h>

#include <QHostAddress>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QHostAddress inside a JS native QHostAddress object, or nullptr if v is not one (checked by
// type tag, so no other wrapped object is ever taken for one).
const QHostAddress* UnwrapHostAddress(Napi::Value v);
// A new JS native QHostAddress holding a copy of a.
Napi::Object NewHostAddress(Napi::Env env, const QHostAddress& a);

}  // namespace qtn
