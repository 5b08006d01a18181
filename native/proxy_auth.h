// proxyAuthenticationRequired(proxy, authenticator): what the question and its answer are. Qt reads
// the authenticator as soon as the emission returns, as PyQt6's slot fills it synchronously; how
// the emission waits for the JS slots' answer is runtime/slot_wait.h's.
#pragma once

#include <napi.h>

#include <QAuthenticator>
#include <QNetworkProxy>

#include <memory>

#include "runtime/handle.h"

namespace qtn {

// Qt thread, inside the emission of `emitter` (the socket). `base` carries the handle's own fields
// (state for a socket); its payload becomes [proxy, authenticator, serial] for the JS side, which
// answers with AnswerProxyCredentials. What the slots set on the authenticator is in `auth` on return.
void AskForProxyCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy& proxy, QAuthenticator* auth);

// JS thread: the authenticator the slots filled, for the wait numbered `serial`.
void AnswerProxyCredentials(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator);

}  // namespace qtn
