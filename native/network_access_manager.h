// QNetworkAccessManager's Qt-side half, for native/network_reply.cc, whose start() asks it for a
// reply: the manager and its replies live where the sockets live (Qt's own HTTP stack runs them).
#pragma once

#include <napi.h>

#include <QNetworkAccessManager>

#include <memory>

#include "handle_wrap.h"

namespace qtn {

class NamCore : public QtHandle<QNetworkAccessManager> {
 public:
  using QtHandle::QtHandle;
  void create() override;

  // The manager keeps no state JS does not mirror: a sync call answers its result only.
  struct Snapshot {
    void take(const NamCore&) {}
    Napi::Value toJs(Napi::Env, Napi::Value result) const { return result; }
  };

  // ~QNetworkAccessManager deletes its replies: it goes first, so that they are not deleted
  // behind its back (each reply notices through QObject::destroyed).
  int destroyRank() const override { return 0; }

  // An event of the manager's (Destroyed, the authentication questions), stamped.
  Event make(uint32_t kind);

 protected:
  void pushDestroyed() override;
};

// Where a reply's core keeps its handle id on Qt's reply, for the manager's authenticationRequired.
inline constexpr const char* kReplyIdProperty = "_qtnetwork_handle";
uint32_t ReplyHandleId(QObject* reply);

// The core of a JS native QNetworkAccessManager, or a TypeError naming `method`.
std::shared_ptr<NamCore> NamCoreArg(Napi::Value v, const char* method);

}  // namespace qtn
