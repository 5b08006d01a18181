// QHstsPolicy: a value class used on the JS thread directly (Qt's QHstsPolicy is reentrant);
// QNetworkAccessManager's HSTS calls copy lists of them to and from the Qt side.
#pragma once

#include <napi.h>

#include <QHstsPolicy>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QHstsPolicy inside a JS native QHstsPolicy, or nullptr if v is not one (type tag).
const QHstsPolicy* UnwrapHstsPolicy(Napi::Value v);
// A new JS native QHstsPolicy holding a copy of p.
Napi::Object NewHstsPolicy(Napi::Env env, const QHstsPolicy& p);

}  // namespace qtn
