// QSslPreSharedKeyAuthenticator: a value class used on the JS thread directly (Qt's is
// reentrant). A socket's preSharedKeyAuthenticationRequired hands one to a JS slot and reads back
// what the slot filled in.
#pragma once

#include <napi.h>

#include <QSslPreSharedKeyAuthenticator>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The authenticator inside a JS native QSslPreSharedKeyAuthenticator, or nullptr if v is not one
// (type tag). Mutable: the caller may read back what a slot set.
QSslPreSharedKeyAuthenticator* UnwrapSslPreSharedKeyAuthenticator(Napi::Value v);
// A new JS native QSslPreSharedKeyAuthenticator holding a copy of a.
Napi::Object NewSslPreSharedKeyAuthenticator(Napi::Env env, const QSslPreSharedKeyAuthenticator& a);

}  // namespace qtn
