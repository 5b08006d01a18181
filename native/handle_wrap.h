// The handle layer: what every JS object backed by a Qt object on the Qt side shares (sockets,
// servers, and next replies), as value_wrap.h is for values.
//  - QtHandle<Q>: the Qt-side half, a runtime Handle that holds one Q and numbers its events.
//  - SyncCall: runs a function on the Qt object and answers with the handle's snapshot.
//  - HandleWrap<Self, Core>: the JS object. It makes its core (or adopts one the Qt side made: an
//    accepted connection), tags itself so that only our objects unwrap, frees the Qt object on the
//    Qt side when collected, and gives every class `deleteLater()` and `id`.
//  - RegisterHandleClass: a class adds itself to the addon's exports from its own file.
#pragma once

#include <napi.h>

#include <QPointer>
#include <QVariant>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "addon.h"
#include "runtime/handle.h"
#include "value_wrap.h"

namespace qtn {

template <class Q>
class QtHandle : public Handle {
 public:
  using Handle::Handle;
  using QtObject = Q;

  QPointer<Q> object;
  double seq = 0;  // the number of the last event pushed: JS orders events and snapshots by it

  // Qt side: make the Qt object (for a JS `new`; an adopted core has one already).
  virtual void create() = 0;

  void destroyOnQt(bool emitSignals) override {
    Q* o = object;
    if (!o) return;
    // Its destructor may emit (~QAbstractSocket aborts): forward that only to a JS object that is
    // still there to hear it.
    if (!emitSignals) QObject::disconnect(o, nullptr, nullptr, nullptr);
    delete o;
    object = nullptr;
    if (emitSignals) pushDestroyed();
  }

  // Events of signals that tell JS nothing but the handle's state (a reply's requestSent, a
  // socket's hostFound...) go to JS only while a slot or wait watches them: JS sets `watched`, a
  // bit per event kind (all until it does; always all under the thread runtime, whose slots may be
  // connected after Qt emitted). An unwatched one whose state JS has already (`known()`) is not
  // sent; one with a new state is lazy: it goes with the next event (per keep-alive GET, 7 calls
  // into JS -> 4; per TLS handshake, 17 -> 6).
  std::atomic<uint32_t> watched{~0u};
  enum class Send { kNow, kLazy, kNot };
  template <class Known>
  Send sendOf(uint32_t kind, Known known) const {
    if (watched.load(std::memory_order_relaxed) & (1u << kind)) return Send::kNow;
    return known() ? Send::kNot : Send::kLazy;
  }

  // A sync call hands the token taken here, on the JS side, to afterSyncCall, run on the Qt side
  // once the call's work is done (QUdpSocket publishes its descriptor there).
  virtual uint64_t syncToken() { return 0; }
  virtual void afterSyncCall(uint64_t) {}

 protected:
  // The Destroyed event, once deleteLater has deleted the object.
  virtual void pushDestroyed() = 0;
};

// A sync call's result as JS: a bool, a number, or null (no result, or the Qt object is gone).
inline Napi::Value VariantResult(Napi::Env env, const QVariant& v) {
  if (v.typeId() == QMetaType::Bool) return Napi::Boolean::New(env, v.toBool());
  if (v.isValid()) return Napi::Number::New(env, v.toDouble());
  return env.Null();
}

// JS side: runs fn(object) on the Qt side (if the object still exists) and waits for it; answers
// with the core's Snapshot, taken there right after, holding fn's result. Core::Snapshot has
// take(const Core&) and toJs(env, result).
template <class Core, class Fn>
Napi::Value SyncCall(Napi::Env env, const std::shared_ptr<Core>& core, Fn&& fn) {
  QVariant result;
  typename Core::Snapshot snap;
  uint64_t token = core->syncToken();
  core->channel()->call(
      env,
      [&] {
        if (core->object) result = fn(core->object.data());
        snap.take(*core);
        core->afterSyncCall(token);
      },
      core);
  return snap.toJs(env, VariantResult(env, result));
}

// JS side: queue fn(object) for the Qt side, in order with this environment's other commands; it
// does nothing once the object is gone. `readOnly`: fn only moves received data along.
template <class Core, class Fn>
void PostTo(const std::shared_ptr<Core>& core, Fn fn, bool readOnly = false) {
  core->channel()->post(
      [core, fn = std::move(fn)] {
        if (core->object) fn(core->object.data());
      },
      core, readOnly);
}

// watch(kinds): the event kinds (a bit each) whose signals JS slots or waits watch now (QtHandle::sendOf).
template <class Core>
Napi::Value WatchKinds(const Napi::CallbackInfo& info, Core& core, const char* method) {
  core.watched.store(uint32_t(IntArg(info, 0, 0, UINT32_MAX, method)), std::memory_order_relaxed);
  return info.Env().Undefined();
}

// How a handle class joins the addon's exports: `static const bool registered =
// RegisterHandleClass("QTcpSocket", &QTcpSocketWrap::Init);` in its own file.
using HandleClassInit = Napi::Function (*)(Napi::Env env, Module& m);
bool RegisterHandleClass(const char* name, HandleClassInit init);
// addon.cc: every registered class, in registration order.
const std::vector<std::pair<const char*, HandleClassInit>>& HandleClasses();

// A method of a handle class written once as a free function of its core, for every class that
// holds such a core (QAbstractSocket's methods serve QTcpSocket and QUdpSocket).
template <class Core>
struct CoreMethod {
  const char* name;
  Napi::Value (*fn)(const Napi::CallbackInfo& info, const std::shared_ptr<Core>& core);
};

// Self derives from HandleWrap<Self, Core> and declares `static constexpr const char* kName` (its
// JS name, the Qt class's), `static constexpr napi_type_tag kTag`, and, when JS may construct it,
// `static std::shared_ptr<Core> NewCore(std::shared_ptr<Runtime>)` (else NewCore returns null
// and `new` from JS is a TypeError), or NewCoreFor(channel, info) to read the constructor's arguments.
template <class Self, class Core>
class HandleWrap : public Napi::ObjectWrap<Self> {
 public:
  using Methods = std::vector<Napi::ClassPropertyDescriptor<Self>>;

  // The core of v, or nullptr if v is not an object our constructor made.
  static std::shared_ptr<Core> CoreOf(Napi::Value v) {
    if (!v.IsObject() || !v.As<Napi::Object>().CheckTypeTag(&Self::kTag)) return nullptr;
    return Napi::ObjectWrap<Self>::Unwrap(v.As<Napi::Object>())->core_;
  }

  // The core of argument v, or a TypeError naming `method`.
  static std::shared_ptr<Core> CoreArg(Napi::Value v, const char* method) {
    auto core = CoreOf(v);
    if (!core) throw Napi::TypeError::New(v.Env(), std::string(method) + ": native " + Self::kName + " expected");
    return core;
  }

  // JS side, from event delivery: the JS object for a core the Qt side made (an accepted
  // connection, already registered). Raw N-API: nullptr, and no C++ exception, when JS cannot run.
  static napi_value Wrap(napi_env env, std::shared_ptr<Core> core) {
    Module* m = nullptr;
    napi_value ctor, obj;
    if (napi_get_instance_data(env, reinterpret_cast<void**>(&m)) != napi_ok || !m) return nullptr;
    auto it = m->handleCtors.find(&Self::kTag);
    if (it == m->handleCtors.end() || napi_get_reference_value(env, it->second, &ctor) != napi_ok) return nullptr;
    m->adopting = {&Self::kTag, std::move(core)};
    napi_status st = napi_new_instance(env, ctor, 0, nullptr, &obj);
    m->adopting = {};
    return st == napi_ok ? obj : nullptr;
  }

  explicit HandleWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Self>(info) {
    Module& m = Module::of(info.Env());
    if (m.adopting.tag == &Self::kTag) {
      core_ = std::static_pointer_cast<Core>(std::move(m.adopting.handle));
      m.adopting = {};
    } else {
      core_ = Self::NewCoreFor(m.channel, info);
      if (!core_) throw Napi::TypeError::New(info.Env(), std::string(Self::kName) + ": made by the addon only");
      m.channel->add(core_);
      auto core = core_;
      m.channel->post([core] { core->create(); });
    }
    info.This().As<Napi::Object>().TypeTag(&Self::kTag);
  }

  ~HandleWrap() override {
    // The JS object is gone: free the Qt object on the Qt side (unless deleteLater did already).
    if (!core_) return;
    auto core = core_;
    core->channel()->postDestroy(
        [core] {
          core->destroyOnQt(false);
          core->channel()->remove(core->id());
        },
        core, true);
  }

  // For JS's handle-made-by-the-addon check: NewCore for classes that JS never constructs.
  static std::shared_ptr<Core> NewCore(std::shared_ptr<Runtime>) { return nullptr; }
  // A class whose core depends on the constructor's arguments defines this instead.
  static std::shared_ptr<Core> NewCoreFor(std::shared_ptr<Runtime> channel, const Napi::CallbackInfo&) {
    return Self::NewCore(std::move(channel));
  }

 protected:
  // The class with `methods`, deleteLater and `id`; its constructor kept for Wrap.
  static Napi::Function DefineHandleClass(Napi::Env env, Module& m, Methods methods) {
    methods.push_back(Self::InstanceMethod("deleteLater", &HandleWrap::DeleteLater));
    Napi::Function ctor = Self::DefineClass(env, Self::kName, methods);
    // `id` as a plain getter that checks the tag: ObjectWrap's InstanceAccessor (unlike its
    // methods, which V8 checks against the class) would read any wrapped object as one of ours.
    ctor.Get("prototype").As<Napi::Object>().DefineProperty(Napi::PropertyDescriptor::Accessor<&IdOf>("id"));
    m.handleCtors[&Self::kTag] = Napi::Persistent(ctor);
    return ctor;
  }

  // Adds `list` (which must outlive the class: a static table) as methods of Self.
  static void AddCoreMethods(Methods& methods, const std::vector<CoreMethod<Core>>& list) {
    for (const CoreMethod<Core>& m : list)
      methods.push_back(
          Self::InstanceMethod(m.name, &HandleWrap::CallCoreMethod, napi_default, const_cast<CoreMethod<Core>*>(&m)));
  }

  template <class Fn>
  Napi::Value syncCall(Napi::Env env, Fn&& fn) {
    return SyncCall(env, core_, std::forward<Fn>(fn));
  }

  std::shared_ptr<Core> core_;

 private:
  Napi::Value CallCoreMethod(const Napi::CallbackInfo& info) {
    return static_cast<const CoreMethod<Core>*>(info.Data())->fn(info, core_);
  }

  static Napi::Value IdOf(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), CoreArg(info.This(), (std::string(Self::kName) + ".id").c_str())->id());
  }

  Napi::Value DeleteLater(const Napi::CallbackInfo& info) {
    auto core = core_;
    core->channel()->postDestroy(
        [core] {
          core->destroyOnQt(true);
          core->channel()->remove(core->id());
        },
        core, false);
    return info.Env().Undefined();
  }
};

}  // namespace qtn
