#include "proxy_auth.h"

#include <optional>

#include "authenticator.h"
#include "network_proxy.h"
#include "runtime/slot_wait.h"

namespace qtn {

namespace {

// The slots' answer: the authenticator they filled (a copy of the JS object's, made on the JS
// thread: the object may change or go once the slot has returned).
struct AuthAnswer : SlotAnswer {
  explicit AuthAnswer(const QAuthenticator& a) : auth(a) {}
  QAuthenticator auth;
};

}  // namespace

void AskForProxyCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy& proxy, QAuthenticator* auth) {
  AskForCredentials(h, emitter, std::move(base), &proxy, auth);
}

void AskForCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy* proxyOrNull,
                       QAuthenticator* auth) {
  std::optional<QNetworkProxy> proxy;
  if (proxyOrNull) proxy = *proxyOrNull;
  // What the slots are given, kept to tell whether they changed it; shared with the payload, which
  // copies it into the JS object (reading it only, as the Qt thread does).
  auto asked = std::make_shared<const QAuthenticator>(*auth);
  FreezeIo freeze(emitter);
  std::shared_ptr<SlotAnswer> answer = h.waitForSlot([&](uint32_t serial) {
    Event e = std::move(base);
    e.makePayload = [proxy, asked, serial](napi_env env) -> napi_value {
      napi_value a, n, jsProxy = nullptr;
      if (proxy)
        jsProxy = NewNetworkProxyOrNull(env, *proxy);
      else if (napi_get_null(env, &jsProxy) != napi_ok)
        jsProxy = nullptr;
      napi_value jsAuth = jsProxy ? NewAuthenticatorOrNull(env, *asked) : nullptr;
      if (!jsAuth || napi_create_array_with_length(env, 3, &a) != napi_ok ||
          napi_create_uint32(env, serial, &n) != napi_ok || napi_set_element(env, a, 0, jsProxy) != napi_ok ||
          napi_set_element(env, a, 1, jsAuth) != napi_ok || napi_set_element(env, a, 2, n) != napi_ok)
        return nullptr;
      return a;
    };
    return e;
  });
  if (!answer) return;
  const QAuthenticator& filled = static_cast<AuthAnswer&>(*answer).auth;
  // Assigning resets Qt's progress through a challenge, as a setter call in the slot does; a slot
  // that changed nothing must leave it as it was (a null authenticator means "give up").
  if (filled.isNull() != asked->isNull() || !(filled == *asked)) *auth = filled;
}

void AnswerProxyCredentials(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator) {
  const QAuthenticator* a = UnwrapAuthenticator(authenticator);
  if (!a) throw Napi::TypeError::New(authenticator.Env(), "proxyAuthenticationRequired: QAuthenticator expected");
  std::shared_ptr<SlotAnswer> answer = std::make_shared<AuthAnswer>(*a);
  // Not bound to the handle (no `target`): the handle's own commands wait for this very answer.
  h->channel()->postNow([h, serial, answer] { h->answerSlot(serial, answer); });
}

}  // namespace qtn
