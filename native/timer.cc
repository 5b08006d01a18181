// QTimer: a Qt timer on the Qt side (TimerCore) and its JS object; lib/QTimer.ts mirrors it. It
// lives where the sockets live, so its timeouts come from Qt's own event loop, in order with their
// signals, as in PyQt6.
#include <QTimer>
#include <QVariant>

#include "handle_wrap.h"
#include "protocol.h"
#include "value_wrap.h"

namespace qtn {

namespace {

using protocol::TimerEvent;
using protocol::TimerSnapshot;

class TimerCore : public QtHandle<QTimer> {
 public:
  using QtHandle::QtHandle;

  void create() override {
    QTimer* t = new Counted<QTimer>();
    object = t;
    QObject::connect(t, &QTimer::timeout, t, [this] { push(TimerEvent::kTimeout); });
  }

  // isActive and timerId as Qt has them once it emits (a single-shot timer is inactive by then).
  void push(uint32_t kind) {
    Event e;
    e.handle = id();
    e.kind = kind;
    e.seq = ++seq;
    QTimer* t = object;
    e.i[0] = t && t->isActive() ? 1 : 0;
    e.i[1] = t ? t->timerId() : -1;
    channel()->push(std::move(e));
  }

  struct Snapshot {
    double seq = 0;
    int32_t v[5] = {0, 0, 0, 0, -1};
    void take(const TimerCore& c) {
      seq = c.seq;
      if (QTimer* t = c.object) {
        v[0] = t->isActive() ? 1 : 0;
        v[1] = t->interval();
        v[2] = t->isSingleShot() ? 1 : 0;
        v[3] = int(t->timerType());
        v[4] = t->timerId();
      }
    }
    Napi::Array toJs(Napi::Env env, Napi::Value result) const {
      Napi::Array a = Napi::Array::New(env, TimerSnapshot::kLength);
      a.Set(uint32_t(TimerSnapshot::kSeq), Napi::Number::New(env, seq));
      a.Set(uint32_t(TimerSnapshot::kActive), Napi::Number::New(env, v[0]));
      a.Set(uint32_t(TimerSnapshot::kInterval), Napi::Number::New(env, v[1]));
      a.Set(uint32_t(TimerSnapshot::kSingleShot), Napi::Number::New(env, v[2]));
      a.Set(uint32_t(TimerSnapshot::kTimerType), Napi::Number::New(env, v[3]));
      a.Set(uint32_t(TimerSnapshot::kTimerId), Napi::Number::New(env, v[4]));
      a.Set(uint32_t(TimerSnapshot::kResult), result);
      return a;
    }
  };

 protected:
  void pushDestroyed() override { push(TimerEvent::kDestroyed); }
};

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<TimerCore>&;

int Msec(Info info, size_t i, const char* method) { return int(IntArg(info, i, INT32_MIN, INT32_MAX, method)); }

// start() / start(msec): Qt restarts an active timer.
Napi::Value Start(Info info, Core core) {
  bool given = info.Length() > 0 && !info[0].IsUndefined();
  int msec = given ? Msec(info, 0, "QTimer.start") : 0;
  return SyncCall(info.Env(), core, [&](QTimer* t) {
    if (given)
      t->start(msec);
    else
      t->start();
    return QVariant();
  });
}

Napi::Value Stop(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTimer* t) {
    t->stop();
    return QVariant();
  });
}

Napi::Value SetInterval(Info info, Core core) {
  int msec = Msec(info, 0, "QTimer.setInterval");
  return SyncCall(info.Env(), core, [msec](QTimer* t) {
    t->setInterval(msec);
    return QVariant();
  });
}

Napi::Value SetSingleShot(Info info, Core core) {
  bool single = BoolArg(info, 0, "QTimer.setSingleShot");
  return SyncCall(info.Env(), core, [single](QTimer* t) {
    t->setSingleShot(single);
    return QVariant();
  });
}

Napi::Value SetTimerType(Info info, Core core) {
  auto type = Qt::TimerType(IntArg(info, 0, Qt::PreciseTimer, Qt::VeryCoarseTimer, "QTimer.setTimerType"));
  return SyncCall(info.Env(), core, [type](QTimer* t) {
    t->setTimerType(type);
    return QVariant();
  });
}

Napi::Value RemainingTime(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTimer* t) { return QVariant(t->remainingTime()); });
}

Napi::Value Snapshot(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QTimer*) { return QVariant(); });
}

// The static singleShot(msec, timerType, slot), as Qt runs it (a zero timeout is a queued call,
// not a timer), with this handle's QTimer as the context: SingleShot when it fires.
Napi::Value SingleShot(Info info, Core core) {
  int msec = Msec(info, 0, "QTimer.singleShot");
  auto type = Qt::TimerType(IntArg(info, 1, Qt::PreciseTimer, Qt::VeryCoarseTimer, "QTimer.singleShot"));
  return SyncCall(info.Env(), core, [&, core](QTimer* t) {
    QTimer::singleShot(msec, type, t, [core] { core->push(TimerEvent::kSingleShot); });
    return QVariant();
  });
}

class QTimerWrap : public HandleWrap<QTimerWrap, TimerCore> {
 public:
  static constexpr const char* kName = "QTimer";
  static constexpr napi_type_tag kTag = {0x5b1e9c3a7d204f86ULL, 0xa27c4e1b93d05f61ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<TimerCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<TimerCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<TimerCore>> methods = {
        {"start", Start},
        {"stop", Stop},
        {"setInterval", SetInterval},
        {"setSingleShot", SetSingleShot},
        {"setTimerType", SetTimerType},
        {"remainingTime", RemainingTime},
        {"snapshot", Snapshot},
        {"singleShot", SingleShot},
    };
    Methods all;
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QTimerWrap::kName, &QTimerWrap::Init);

}  // namespace

}  // namespace qtn
