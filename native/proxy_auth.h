// proxyAuthenticationRequired(proxy, authenticator) of sockets and servers. Qt reads the
// authenticator as soon as the emission returns, as PyQt6's slot fills it synchronously: the Qt
// thread waits for the JS slots' answer, running its event loop meanwhile (Handle::waitForSlot).
#pragma once

#include <napi.h>

#include <QAuthenticator>
#include <QNetworkProxy>

#include <memory>

#include "runtime/channel.h"

namespace qtn {

// Qt thread, inside the emission of `emitter` (the socket). `base` carries the handle's own fields
// (state for a socket); its payload becomes [proxy, authenticator, serial] for the JS side, which
// answers with AnswerProxyCredentials. What the slots set on the authenticator is in `auth` on return.
void AskForProxyCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy& proxy, QAuthenticator* auth);

// JS thread: the authenticator the slots filled, for the wait numbered `serial`.
void AnswerProxyCredentials(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator);

}  // namespace qtn
