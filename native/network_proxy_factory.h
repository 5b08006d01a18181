// QNetworkProxyFactory: Qt's application-wide proxy selection. A JS subclass (lib/
// QNetworkProxyFactory.ts) is consulted on the JS thread, before a connect or listen command goes
// to the Qt thread; the command carries the answer, and the factory Qt holds while a JS factory is
// set (JsDecidedFactory) hands that answer to Qt when Qt asks, so Qt never waits on JS.
#pragma once

#include <napi.h>

#include <QList>
#include <QNetworkProxy>

#include <optional>

namespace qtn {

// JS thread: a JS array of native QNetworkProxy objects as the list the JS factory decided, or
// nothing for `undefined` (no JS factory involved).
std::optional<QList<QNetworkProxy>> DecidedProxies(Napi::Value v, const char* method);

// Qt thread, around the Qt call a decision was made for: what the JS factory answers then.
class ArmDecision {
 public:
  explicit ArmDecision(const std::optional<QList<QNetworkProxy>>& decided);
  ~ArmDecision();
  ArmDecision(const ArmDecision&) = delete;
  ArmDecision& operator=(const ArmDecision&) = delete;

 private:
  const QList<QNetworkProxy>* previous_;
};

}  // namespace qtn
