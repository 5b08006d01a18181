// QUrl: a value class used on the JS thread directly (Qt's QUrl is reentrant).
#pragma once

#include <napi.h>

#include <QUrl>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QUrl inside a JS native QUrl object, or nullptr if v is not one (checked by type tag).
const QUrl* UnwrapUrl(Napi::Value v);
// A new JS native QUrl holding a copy of u.
Napi::Object NewUrl(Napi::Env env, const QUrl& u);

}  // namespace qtn
