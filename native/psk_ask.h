// preSharedKeyAuthenticationRequired(authenticator): Qt reads the identity and key the slots set
// as soon as the emission returns, as PyQt6's slot fills them synchronously; so the emission waits
// for the JS slots' answer (runtime/slot_wait.h). What the question and its answer are is here.
#pragma once

#include <napi.h>

#include <QSslPreSharedKeyAuthenticator>

#include <memory>

#include "runtime/handle.h"

namespace qtn {

// Qt thread, inside the emission of `emitter` (null: a reply, whose socket is in Qt's HTTP
// thread): asks the JS slots with the event `base`, whose payload becomes [authenticator, serial];
// what they set is in `auth` on return (unchanged if unanswered).
void AskForPreSharedKey(Handle& h, QObject* emitter, Event base, QSslPreSharedKeyAuthenticator* auth);

// JS thread: the authenticator the slots filled, for the wait numbered `serial`.
void AnswerPreSharedKey(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator);

}  // namespace qtn
