#include "ssl_errors_ask.h"

#include <string>

#include "ssl_error.h"
#include "value_wrap.h"

namespace qtn {

napi_value SslErrorsPayload(napi_env env, const QList<QSslError>& errors, uint32_t serial) {
  try {
    Napi::Env e(env);
    Napi::Array list = Napi::Array::New(e, errors.size());
    for (qsizetype k = 0; k < errors.size(); k++) list.Set(uint32_t(k), NewSslError(e, errors[k]));
    Napi::Array a = Napi::Array::New(e, 2);
    a.Set(0u, list);
    a.Set(1u, Napi::Number::New(e, serial));
    return a;
  } catch (const Napi::Error&) {
    return nullptr;
  }
}

QList<QSslError> SslErrorListArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return ArrayArg(info, i, method, UnwrapSslError, "an array of native QSslError");
}

IgnoreAnswer IgnoreArg(const Napi::CallbackInfo& info, const char* method) {
  IgnoreAnswer a;
  a.all = info[0].IsUndefined();
  a.listed = !a.all;
  if (a.listed) a.errors = SslErrorListArg(info, 0, method);
  return a;
}

std::shared_ptr<const IgnoreAnswer> AskToIgnoreSslErrors(Handle& h, QObject* emitter, Event base,
                                                         const QList<QSslError>& errors) {
  FreezeIo freeze(emitter);
  std::shared_ptr<SlotAnswer> answer = h.waitForSlot([&](uint32_t serial) {
    Event e = std::move(base);
    e.makePayload = [errors, serial](napi_env env) { return SslErrorsPayload(env, errors, serial); };
    return e;
  });
  return std::static_pointer_cast<const IgnoreAnswer>(answer);
}

void AnswerSslErrors(const std::shared_ptr<Handle>& h, const Napi::CallbackInfo& info) {
  auto answer = std::make_shared<IgnoreAnswer>();
  uint32_t serial = uint32_t(IntArg(info, 0, 0, UINT32_MAX, "answerSslErrors"));
  answer->all = info[1].ToBoolean();
  answer->listed = !info[2].IsNull();
  if (answer->listed) answer->errors = SslErrorListArg(info, 2, "ignoreSslErrors");
  // Not bound to the handle (no `target`): the handle's own commands wait for this very answer.
  h->channel()->postNow([h, serial, answer] { h->answerSlot(serial, answer); });
}

}  // namespace qtn
