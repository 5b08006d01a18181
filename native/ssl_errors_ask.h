// sslErrors(errors), a QSslSocket's and a QNetworkReply's: Qt reads whether the slots called
// ignoreSslErrors (and with which errors) as soon as the emission returns, as PyQt6's slot calls it
// synchronously; so the emission waits for the JS slots' answer (runtime/slot_wait.h). What the
// question and its answer are is here, for both.
#pragma once

#include <napi.h>

#include <QList>
#include <QSslError>

#include <memory>

#include "runtime/handle.h"

namespace qtn {

// [[QSslError...], serial] for the JS side (serial 0: no answer is awaited); nullptr when JS cannot run.
napi_value SslErrorsPayload(napi_env env, const QList<QSslError>& errors, uint32_t serial);

// Argument i as a list of native QSslErrors, or a TypeError naming `method`.
QList<QSslError> SslErrorListArg(const Napi::CallbackInfo& info, size_t i, const char* method);

// What the sslErrors slots answered, or what a call outside them asked: ignoreSslErrors() (all),
// ignoreSslErrors(errors) (listed), or neither.
struct IgnoreAnswer : SlotAnswer {
  bool all = false;
  bool listed = false;
  QList<QSslError> errors;
  // Hands it to Qt's socket or reply.
  template <class Target>
  void applyTo(Target* target) const {
    if (all)
      target->ignoreSslErrors();
    else if (listed)
      target->ignoreSslErrors(errors);
  }
};

// ignoreSslErrors(errors?) outside the slots: argument 0 (undefined: all), or a TypeError naming `method`.
IgnoreAnswer IgnoreArg(const Napi::CallbackInfo& info, const char* method);

// Qt thread, inside the sslErrors emission of `emitter` (a socket; null for a reply, whose socket
// is in Qt's HTTP thread, which waits for the emission's end anyway): asks the JS slots with the
// event `base` (the handle's own fields). Their answer, or nullptr.
std::shared_ptr<const IgnoreAnswer> AskToIgnoreSslErrors(Handle& h, QObject* emitter, Event base,
                                                         const QList<QSslError>& errors);

// JS thread: answerSslErrors(serial, all, errors | null), what the slots asked for, for the wait
// numbered `serial`.
void AnswerSslErrors(const std::shared_ptr<Handle>& h, const Napi::CallbackInfo& info);
// The same as a method of a handle class whose cores are C's.
template <class C>
Napi::Value AnswerSslErrorsMethod(const Napi::CallbackInfo& info, const std::shared_ptr<C>& core) {
  AnswerSslErrors(core, info);
  return info.Env().Undefined();
}

}  // namespace qtn
