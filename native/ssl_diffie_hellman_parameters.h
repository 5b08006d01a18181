// QSslDiffieHellmanParameters: a value class used on the JS thread directly (Qt's is reentrant).
// The SSL configuration hands copies across.
#pragma once

#include <napi.h>

#include <QSslDiffieHellmanParameters>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The parameters inside a JS native QSslDiffieHellmanParameters, or nullptr if v is not one (type tag).
const QSslDiffieHellmanParameters* UnwrapSslDiffieHellmanParameters(Napi::Value v);
// A new JS native QSslDiffieHellmanParameters holding a copy of p.
Napi::Object NewSslDiffieHellmanParameters(Napi::Env env, const QSslDiffieHellmanParameters& p);

}  // namespace qtn
