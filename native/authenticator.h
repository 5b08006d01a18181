// QAuthenticator: a value class used on the JS thread directly (Qt's QAuthenticator is reentrant).
// A socket's proxyAuthenticationRequired hands one to a JS slot (NewAuthenticator) and reads what
// the slot filled in once it returns (UnwrapAuthenticator).
#pragma once

#include <napi.h>

#include <QAuthenticator>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QAuthenticator inside a JS native QAuthenticator object, or nullptr if v is not one (checked
// by type tag). Mutable: the caller may copy Qt's answer back into it, or read the slot's.
QAuthenticator* UnwrapAuthenticator(Napi::Value v);
// A new JS native QAuthenticator holding a copy of a (Qt's copies are deep: nothing is shared).
Napi::Object NewAuthenticator(Napi::Env env, const QAuthenticator& a);
// The same for event payloads, in raw N-API: nullptr when JS cannot run (never throws).
napi_value NewAuthenticatorOrNull(napi_env env, const QAuthenticator& a);

}  // namespace qtn
