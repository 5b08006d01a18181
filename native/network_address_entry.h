// QNetworkAddressEntry: a value class used on the JS thread directly; QNetworkInterface's
// addressEntries() returns these (native/network_interface.cc). Qt's address lifetimes
// (QDeadlineTimer) are not wrapped.
#pragma once

#include <napi.h>

#include <QNetworkAddressEntry>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// A new JS native QNetworkAddressEntry holding a copy of e.
Napi::Object NewNetworkAddressEntry(Napi::Env env, const QNetworkAddressEntry& e);

}  // namespace qtn
