#include "psk_ask.h"

#include "ssl_pre_shared_key_authenticator.h"

namespace qtn {

namespace {

// A copy of the JS object's authenticator, made on the JS thread (the object may change or go
// once the slot has returned).
struct PskAnswer : SlotAnswer {
  explicit PskAnswer(const QSslPreSharedKeyAuthenticator& a) : auth(a) {}
  QSslPreSharedKeyAuthenticator auth;
};

}  // namespace

void AskForPreSharedKey(Handle& h, QObject* emitter, Event base, QSslPreSharedKeyAuthenticator* auth) {
  auto asked = std::make_shared<const QSslPreSharedKeyAuthenticator>(*auth);
  FreezeIo freeze(emitter);
  std::shared_ptr<SlotAnswer> answer = h.waitForSlot([&](uint32_t serial) {
    Event e = std::move(base);
    e.makePayload = [asked, serial](napi_env env) -> napi_value {
      try {
        Napi::Env e(env);
        Napi::Array a = Napi::Array::New(e, 2);
        a.Set(0u, NewSslPreSharedKeyAuthenticator(e, *asked));
        a.Set(1u, Napi::Number::New(e, serial));
        return a;
      } catch (const Napi::Error&) {
        return nullptr;
      }
    };
    return e;
  });
  if (answer) *auth = static_cast<PskAnswer&>(*answer).auth;
}

void AnswerPreSharedKey(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator) {
  const QSslPreSharedKeyAuthenticator* a = UnwrapSslPreSharedKeyAuthenticator(authenticator);
  if (!a)
    throw Napi::TypeError::New(authenticator.Env(),
                               "preSharedKeyAuthenticationRequired: QSslPreSharedKeyAuthenticator expected");
  std::shared_ptr<SlotAnswer> answer = std::make_shared<PskAnswer>(*a);
  // Not bound to the handle (no `target`): the handle's own commands wait for this very answer.
  h->channel()->postNow([h, serial, answer] { h->answerSlot(serial, answer); });
}

}  // namespace qtn
