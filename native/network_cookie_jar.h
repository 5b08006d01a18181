// QNetworkCookieJar's Qt-side half, for native/network_access_manager.cc, whose setCookieJar hands
// the jar to a manager: the jar lives where the managers live, as Qt's HTTP stack reads it there.
#pragma once

#include <napi.h>

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QPointer>

#include <memory>

#include "handle_wrap.h"

namespace qtn {

class JarCore : public QtHandle<QNetworkCookieJar> {
 public:
  using QtHandle::QtHandle;
  void create() override;

  // The jar keeps no state JS mirrors: a sync call answers its result only.
  struct Snapshot {
    void take(const JarCore&) {}
    Napi::Value toJs(Napi::Env, Napi::Value result) const { return result; }
  };

  // Qt side: `m` uses the jar from now on. The jar stays unparented (Qt would make the manager its
  // owner): it is freed with its JS object, and any manager still using it gets a fresh one first,
  // so that no manager ever holds a deleted jar (managers may share one).
  void usedBy(QNetworkAccessManager* m);
  void destroyOnQt(bool emitSignals) override;

 protected:
  void pushDestroyed() override;

 private:
  QList<QPointer<QNetworkAccessManager>> users_;
};

// The core of a JS native QNetworkCookieJar, or a TypeError naming `method`.
std::shared_ptr<JarCore> JarCoreArg(Napi::Value v, const char* method);
// Qt side: every cookie `jar` holds, and replacing them (Qt's protected allCookies and
// setAllCookies), to move Qt's default jar's cookies into a manager's first jar of ours.
QList<QNetworkCookie> AllCookiesOf(const QNetworkCookieJar* jar);
void SetAllCookiesOf(QNetworkCookieJar* jar, const QList<QNetworkCookie>& cookies);

}  // namespace qtn
