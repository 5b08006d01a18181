// QOcspResponse: a value class used on the JS thread directly (Qt's is reentrant). A socket's
// ocspResponses() hands copies across; only the TLS backend fills one in.
#pragma once

#include <napi.h>

#include <QOcspResponse>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// A new JS native QOcspResponse holding a copy of r.
Napi::Object NewOcspResponse(Napi::Env env, const QOcspResponse& r);

}  // namespace qtn
