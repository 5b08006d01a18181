// QNetworkCacheMetaData: a value class used on the JS thread directly (Qt's QNetworkCacheMetaData
// is reentrant).
#pragma once

#include <napi.h>

#include <QNetworkCacheMetaData>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QNetworkCacheMetaData inside a JS native QNetworkCacheMetaData, or nullptr if v is not one.
const QNetworkCacheMetaData* UnwrapNetworkCacheMetaData(Napi::Value v);
// A new JS native QNetworkCacheMetaData holding a copy of d.
Napi::Object NewNetworkCacheMetaData(Napi::Env env, const QNetworkCacheMetaData& d);

}  // namespace qtn
