// QNetworkProxyFactory: Qt's application-wide proxy selection, with a JS subclass (lib/
// QNetworkProxyFactory.ts) behind the factory Qt holds (JsDecidedFactory). In the loop runtime Qt
// runs on the JS thread and that factory asks the JS one when Qt asks, as PyQt6 does. In the
// thread runtime the JS factory is consulted before a connect or listen command goes to the Qt
// thread, the command carries the answer, and the factory hands it to Qt when Qt asks, so Qt
// never waits on JS.
#pragma once

#include <napi.h>

#include <QList>
#include <QNetworkProxy>

#include <optional>

namespace qtn {

// JS thread: a JS array of native QNetworkProxy objects as the list the JS factory decided, or
// nothing for `undefined` (no JS factory involved).
std::optional<QList<QNetworkProxy>> DecidedProxies(Napi::Value v, const char* method);

// JS thread: throws when called from inside a JS factory's answer to Qt (the loop runtime), where
// replacing the application proxy or factory would delete the factory Qt is using.
void CheckNotInsideFactory(Napi::Env env, const char* method);
// Qt thread: the decision armed now (ArmDecision), or nullptr; a manager's JS factory answers it too.
const QList<QNetworkProxy>* ArmedDecision();
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
