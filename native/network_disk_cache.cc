// QNetworkDiskCache: Qt's own disk cache on the Qt side (DiskCacheCore) and its JS object;
// lib/QNetworkDiskCache.ts wraps it. Its methods are sync calls: the managers' replies read and
// write it on the Qt side, so JS reaches it there.
#include "network_disk_cache.h"

#include <QIODevice>
#include <QUrl>
#include <QVariant>

#include "network_cache_meta_data.h"
#include "protocol.h"
#include "runtime/live_count.h"
#include "url.h"
#include "value_wrap.h"

namespace qtn {

namespace {

// Qt's disk cache with its protected expire() reachable (PyQt6 gives Python the same).
class DiskCache : public QNetworkDiskCache {
 public:
  using QNetworkDiskCache::expire;
};

}  // namespace

// What a manager holds: every call goes to the disk cache while it exists. A reply keeps the
// device prepare() gave it until it inserts it; if JS deletes the cache meanwhile, the link with
// such a device adopts the cache (freed with the manager) so that the device stays valid.
class CacheLink : public QAbstractNetworkCache {
 public:
  explicit CacheLink(QNetworkDiskCache* target) : target_(target) {}

  QNetworkCacheMetaData metaData(const QUrl& url) override {
    return target_ ? target_->metaData(url) : QNetworkCacheMetaData();
  }
  void updateMetaData(const QNetworkCacheMetaData& md) override {
    if (target_) target_->updateMetaData(md);
  }
  QIODevice* data(const QUrl& url) override { return target_ ? target_->data(url) : nullptr; }
  bool remove(const QUrl& url) override {
    if (QNetworkDiskCache* c = writer()) return c->remove(url);
    return false;
  }
  qint64 cacheSize() const override { return target_ ? target_->cacheSize() : 0; }
  QIODevice* prepare(const QNetworkCacheMetaData& md) override {
    QIODevice* d = target_ ? target_->prepare(md) : nullptr;
    if (d) handed_.append(d);
    return d;
  }
  void insert(QIODevice* device) override {
    if (QNetworkDiskCache* c = writer()) c->insert(device);
  }
  void clear() override {
    if (target_) target_->clear();
  }

  // The cache is being deleted: adopt it if a reply still writes to a device of its (returns true).
  bool retire() {
    handed_.removeAll(nullptr);  // the cache deletes a device once inserted or removed
    QNetworkDiskCache* c = target_;
    target_ = nullptr;
    if (handed_.isEmpty() || !c) return false;
    c->setParent(this);
    retired_ = c;
    return true;
  }

 private:
  // The cache that takes the replies' devices back: the live one, or the adopted one.
  QNetworkDiskCache* writer() const { return target_ ? target_.data() : retired_.data(); }

  QPointer<QNetworkDiskCache> target_;
  QPointer<QNetworkDiskCache> retired_;
  QList<QPointer<QIODevice>> handed_;
};

void DiskCacheCore::create() { object = new Counted<DiskCache>(); }

QAbstractNetworkCache* DiskCacheCore::linkFor() {
  links_.removeAll(nullptr);
  CacheLink* l = new CacheLink(object);
  links_.append(l);
  return l;
}

void DiskCacheCore::destroyOnQt(bool emitSignals) {
  prepared.clear();
  bool adopted = false;
  for (const QPointer<CacheLink>& l : links_)
    if (l && l->retire()) adopted = true;
  links_.clear();
  if (adopted) {
    // A manager's link owns it now: the JS object only lets go.
    if (!emitSignals) QObject::disconnect(object, nullptr, nullptr, nullptr);
    object = nullptr;
    if (emitSignals) pushDestroyed();
    return;
  }
  QtHandle::destroyOnQt(emitSignals);
}

void DiskCacheCore::pushDestroyed() {
  Event e;
  e.handle = id();
  e.kind = protocol::ReplyEvent::kDestroyed;  // the cache's only event, numbered as the manager's
  e.seq = ++seq;
  channel()->push(std::move(e));
}

namespace {

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<DiskCacheCore>&;

QUrl UrlArg(Info info, size_t i, const char* method) {
  const QUrl* u = UnwrapUrl(info[i]);
  if (!u) throw ArgTypeError(info.Env(), i, method, "a native QUrl");
  return *u;
}

QNetworkCacheMetaData MetaDataArg(Info info, size_t i, const char* method) {
  const QNetworkCacheMetaData* d = UnwrapNetworkCacheMetaData(info[i]);
  if (!d) throw ArgTypeError(info.Env(), i, method, "a native QNetworkCacheMetaData");
  return *d;
}

// Runs fn(cache) on the Qt side; its QVariant result as JS (null once the cache is gone).
template <class Fn>
Napi::Value Call(Info info, Core core, Fn fn) {
  return SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) { return QVariant(fn(static_cast<DiskCache*>(c))); });
}

// Runs fn(cache) on the Qt side, for a method with no result.
template <class Fn>
Napi::Value VoidCall(Info info, Core core, Fn fn) {
  return SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) {
    fn(static_cast<DiskCache*>(c));
    return QVariant();
  });
}

// A metadata the cache answers (an invalid one once the cache is gone).
template <class Fn>
Napi::Value MetaDataCall(Info info, Core core, Fn fn) {
  QNetworkCacheMetaData out;
  SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) {
    out = fn(static_cast<DiskCache*>(c));
    return QVariant();
  });
  return NewNetworkCacheMetaData(info.Env(), out);
}

Napi::Value CacheDirectory(Info info, Core core) {
  QString dir;
  SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) {
    dir = c->cacheDirectory();
    return QVariant();
  });
  return FromQString(info.Env(), dir);
}

Napi::Value SetCacheDirectory(Info info, Core core) {
  QString dir = StringArg(info, 0, "QNetworkDiskCache.setCacheDirectory");
  return VoidCall(info, core, [&](DiskCache* c) { c->setCacheDirectory(dir); });
}

Napi::Value MaximumCacheSize(Info info, Core core) {
  return Call(info, core, [](DiskCache* c) { return c->maximumCacheSize(); });
}

// qint64 through a JS number: the TS layer keeps it within Number's safe integers.
Napi::Value SetMaximumCacheSize(Info info, Core core) {
  qint64 size = IntArg(info, 0, -(int64_t(1) << 53), int64_t(1) << 53, "QNetworkDiskCache.setMaximumCacheSize");
  return VoidCall(info, core, [size](DiskCache* c) { c->setMaximumCacheSize(size); });
}

Napi::Value CacheSize(Info info, Core core) {
  return Call(info, core, [](DiskCache* c) { return c->cacheSize(); });
}

Napi::Value Expire(Info info, Core core) {
  return Call(info, core, [](DiskCache* c) { return c->expire(); });
}

Napi::Value Clear(Info info, Core core) {
  return VoidCall(info, core, [](DiskCache* c) { c->clear(); });
}

Napi::Value MetaData(Info info, Core core) {
  QUrl url = UrlArg(info, 0, "QNetworkDiskCache.metaData");
  return MetaDataCall(info, core, [&](DiskCache* c) { return c->metaData(url); });
}

Napi::Value FileMetaData(Info info, Core core) {
  QString file = StringArg(info, 0, "QNetworkDiskCache.fileMetaData");
  return MetaDataCall(info, core, [&](DiskCache* c) { return c->fileMetaData(file); });
}

Napi::Value UpdateMetaData(Info info, Core core) {
  QNetworkCacheMetaData md = MetaDataArg(info, 0, "QNetworkDiskCache.updateMetaData");
  return VoidCall(info, core, [&](DiskCache* c) { c->updateMetaData(md); });
}

Napi::Value Remove(Info info, Core core) {
  QUrl url = UrlArg(info, 0, "QNetworkDiskCache.remove");
  return Call(info, core, [&](DiskCache* c) { return c->remove(url); });
}

// data(url): the cached bytes, read whole from Qt's device (which the caller owns), or null.
Napi::Value Data(Info info, Core core) {
  QUrl url = UrlArg(info, 0, "QNetworkDiskCache.data");
  QByteArray bytes;
  bool found = false;
  SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) {
    std::unique_ptr<QIODevice> d(c->data(url));
    if (d) {
      found = true;
      bytes = d->readAll();
    }
    return QVariant();
  });
  return found ? Napi::Value(FromQByteArray(info.Env(), bytes)) : info.Env().Null();
}

// prepare(metaData): Qt's device for a new entry, kept here; JS gets its number (null: Qt refused).
Napi::Value Prepare(Info info, Core core) {
  QNetworkCacheMetaData md = MetaDataArg(info, 0, "QNetworkDiskCache.prepare");
  return SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) {
    QIODevice* d = c->prepare(md);
    if (!d) return QVariant();
    core->prepared[++core->lastPrepared] = d;
    return QVariant(double(core->lastPrepared));
  });
}

// insert(number, bytes): writes what JS wrote to the prepared device, then Qt's insert stores it.
// A device Qt dropped since (remove, clear) is nothing, as in Qt.
Napi::Value Insert(Info info, Core core) {
  const char* method = "QNetworkDiskCache.insert";
  auto n = uint32_t(IntArg(info, 0, 0, UINT32_MAX, method));
  QByteArray bytes = BytesArg(info, 1, method);
  return SyncCall(info.Env(), core, [&](QNetworkDiskCache* c) {
    auto it = core->prepared.find(n);
    if (it == core->prepared.end()) return QVariant();
    QPointer<QIODevice> d = it->second;
    core->prepared.erase(it);
    if (d) {
      d->write(bytes);
      c->insert(d);
    }
    return QVariant();
  });
}

class QNetworkDiskCacheWrap : public HandleWrap<QNetworkDiskCacheWrap, DiskCacheCore> {
 public:
  static constexpr const char* kName = "QNetworkDiskCache";
  static constexpr napi_type_tag kTag = {0x5b0e7d21c94a3f86ULL, 0x91c3a7e05d2b4f18ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<DiskCacheCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<DiskCacheCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<DiskCacheCore>> methods = {
        {"cacheDirectory", CacheDirectory},
        {"setCacheDirectory", SetCacheDirectory},
        {"maximumCacheSize", MaximumCacheSize},
        {"setMaximumCacheSize", SetMaximumCacheSize},
        {"cacheSize", CacheSize},
        {"expire", Expire},
        {"clear", Clear},
        {"metaData", MetaData},
        {"fileMetaData", FileMetaData},
        {"updateMetaData", UpdateMetaData},
        {"remove", Remove},
        {"data", Data},
        {"prepare", Prepare},
        {"insert", Insert},
    };
    Methods all;
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QNetworkDiskCacheWrap::kName, &QNetworkDiskCacheWrap::Init);

}  // namespace

std::shared_ptr<DiskCacheCore> DiskCacheCoreArg(Napi::Value v, const char* method) {
  return QNetworkDiskCacheWrap::CoreArg(v, method);
}

}  // namespace qtn
