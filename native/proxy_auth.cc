#include "proxy_auth.h"

#include <QPointer>
#include <QSocketNotifier>

#include <unordered_map>
#include <vector>

#include "authenticator.h"
#include "network_proxy.h"

namespace qtn {

namespace {

// The emission each waiting handle is in; Qt thread only.
struct Pending {
  uint32_t serial = 0;
  QAuthenticator* auth = nullptr;
  QAuthenticator asked;  // as the slots were given it
};
std::unordered_map<const Handle*, Pending> pending;

// In PyQt6 nothing happens to the socket while its slot runs. Here Qt's event loop runs meanwhile
// (other sockets go on), so the socket's own descriptors (its proxy connection's among them) are
// not watched until the answer is in: a proxy that closes in the meantime is seen afterwards, as
// Qt would see it, not in the middle of the emission.
class FreezeIo {
 public:
  explicit FreezeIo(QObject* root) {
    for (QSocketNotifier* n : root->findChildren<QSocketNotifier*>()) {
      if (!n->isEnabled()) continue;
      n->setEnabled(false);
      frozen_.emplace_back(n);
    }
  }
  ~FreezeIo() {
    for (auto& n : frozen_)
      if (n) n->setEnabled(true);
  }

 private:
  std::vector<QPointer<QSocketNotifier>> frozen_;
};

}  // namespace

void AskForProxyCredentials(Handle& h, QObject* emitter, Event base, const QNetworkProxy& proxy, QAuthenticator* auth) {
  QAuthenticator asked = *auth;
  Pending* p = nullptr;
  FreezeIo freeze(emitter);
  h.waitForSlot([&](uint32_t serial) {
    if (serial != 0) {  // 0: asked again inside this very wait, which keeps its own entry
      p = &pending[&h];
      p->serial = serial;
      p->auth = auth;
      p->asked = asked;
    }
    Event e = std::move(base);
    e.makePayload = [proxy, asked, serial](napi_env env) -> napi_value {
      napi_value a, n;
      napi_value jsProxy = NewNetworkProxyOrNull(env, proxy);
      napi_value jsAuth = jsProxy ? NewAuthenticatorOrNull(env, asked) : nullptr;
      if (!jsAuth || napi_create_array_with_length(env, 3, &a) != napi_ok ||
          napi_create_uint32(env, serial, &n) != napi_ok || napi_set_element(env, a, 0, jsProxy) != napi_ok ||
          napi_set_element(env, a, 1, jsAuth) != napi_ok || napi_set_element(env, a, 2, n) != napi_ok)
        return nullptr;
      return a;
    };
    return e;
  });
  if (p) pending.erase(&h);
}

void AnswerProxyCredentials(const std::shared_ptr<Handle>& h, uint32_t serial, Napi::Value authenticator) {
  const QAuthenticator* a = UnwrapAuthenticator(authenticator);
  if (!a) throw Napi::TypeError::New(authenticator.Env(), "proxyAuthenticationRequired: QAuthenticator expected");
  QAuthenticator answer = *a;
  // Not bound to the handle (no `target`): the handle's own commands wait for this very answer.
  h->channel()->postNow([h, serial, answer] {
    auto it = pending.find(h.get());
    if (it == pending.end() || it->second.serial != serial) return;
    Pending& p = it->second;
    h->answerSlot(serial, [&] {
      // Assigning resets Qt's progress through a challenge, as a setter call in the slot does;
      // a slot that changed nothing must leave it as it was (a null authenticator means "give up").
      if (answer.isNull() != p.asked.isNull() || !(answer == p.asked)) *p.auth = answer;
    });
  });
}

}  // namespace qtn
