// QNetworkDiskCache's Qt-side half, for native/network_access_manager.cc, whose setCache hands the
// cache to a manager: the cache lives where the managers live, as their replies read and write it there.
#pragma once

#include <napi.h>

#include <QAbstractNetworkCache>
#include <QList>
#include <QNetworkDiskCache>
#include <QPointer>

#include <cstdint>
#include <map>
#include <memory>

#include "handle_wrap.h"

namespace qtn {

class CacheLink;

class DiskCacheCore : public QtHandle<QNetworkDiskCache> {
 public:
  using QtHandle::QtHandle;
  void create() override;

  // The cache keeps no state JS mirrors: a sync call answers its result only.
  struct Snapshot {
    void take(const DiskCacheCore&) {}
    Napi::Value toJs(Napi::Env, Napi::Value result) const { return result; }
  };

  // Qt side: a new cache for a manager's setCache that forwards to this one. Qt's setCache owns
  // and deletes the cache it is given (and the one before): the manager owns the link, the disk
  // cache stays owned by its JS object (managers may share it), and a link to a deleted cache is
  // an empty cache.
  QAbstractNetworkCache* linkFor();
  void destroyOnQt(bool emitSignals) override;

  // Qt side: the devices prepare() gave JS, by number, until JS inserts them.
  std::map<uint32_t, QPointer<QIODevice>> prepared;
  uint32_t lastPrepared = 0;

 protected:
  void pushDestroyed() override;

 private:
  QList<QPointer<CacheLink>> links_;
};

// The core of a JS native QNetworkDiskCache, or a TypeError naming `method`.
std::shared_ptr<DiskCacheCore> DiskCacheCoreArg(Napi::Value v, const char* method);

}  // namespace qtn
