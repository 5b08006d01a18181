// proxyAuthenticationRequired(proxy, authenticator), and a manager's authenticationRequired(reply,
// authenticator): what the question and its answer are. Qt reads the authenticator as soon as the
// emission returns, as PyQt6's slot fills it synchronously; how the emission waits for the JS
// slots' answer is runtime/slot_wait.h's.
#pragma once

#include <napi.h>

#include <QAuthenticator>
#include <QNetworkProxy>

#include <memory>

#include "runtime/handle.h"

namespace qtn {

// Qt thread, inside the emission of `emitter` (the socket, the manager). `base` carries the handle's
// own fields (state for a socket, the reply's id for a manager); its payload becomes [proxy,
// authenticator, serial] for the JS side (proxy null for a server's question), which answers with
// AnswerProxyCredentials. What the slots set on the authenticator is in `auth` on return. A null
// `emitter` has no descriptors of its own to hold still (a manager's sockets are in Qt's HTTP
// thread, which waits for the emission's end anyway).
void AskForProxyCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy& proxy, QAuthenticator* auth);
void AskForCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy* proxy, QAuthenticator* auth);

// JS thread: the authenticator the slots filled, for the wait numbered `serial`.
void AnswerProxyCredentials(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator);

}  // namespace qtn
