// The runtime interface: what handle code (sockets, servers) and the addon need from whatever runs
// Qt for one Node environment, and the event record both runtimes deliver. Two implement it: the
// thread runtime (runtime/channel.h: Qt on a thread of its own) and the loop runtime
// (runtime/loop_runtime.h: Qt on the environment's own libuv loop), so that handle code does not
// know which runs. MakeRuntime picks one (QTNETWORK_RUNTIME).
#pragma once

#include <napi.h>

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace qtn {

class Handle;
class SlotWait;

// A Qt->JS event. `kind` and the meaning of the numeric slots belong to the handle's class; the JS
// side (lib/core/runtime.ts) dispatches on handle id, then kind. Where each number sits in the
// batch JS reads: native/protocol.h (EventSlot).
struct Event {
  uint32_t handle = 0;
  uint32_t kind = 0;
  double seq = 0;
  int32_t i[4] = {0, 0, 0, 0};
  double d[2] = {0, 0};
  // Payload, at most one of these: bytes (handed to a Buffer without a copy), strings, or a new
  // handle to wrap.
  QByteArray bytes;
  std::vector<std::string> strings;
  std::shared_ptr<Handle> handleArg;
  // Or a payload only the JS thread can build (wrappers of Qt value types); nullptr when JS
  // cannot run. Raw N-API, never throws.
  std::function<napi_value(napi_env)> makePayload;
  // Lazy, and carries nothing JS needs but the handle's state: a sync call's snapshot of that
  // handle, newer, makes it redundant (dropStateOnly).
  bool stateOnly = false;

  Event() = default;
  Event(Event&& o) noexcept = default;
  Event& operator=(Event&& o) noexcept = default;
  Event(const Event&) = delete;
};

// "Qt thread" below means wherever the runtime runs Qt (the thread runtime: its Qt thread; a loop
// runtime: the JS thread itself). "JS thread": the Node environment's own thread.
class Runtime : public std::enable_shared_from_this<Runtime> {
 public:
  virtual ~Runtime() = default;
  // "thread" or "loop", as QTNETWORK_RUNTIME names them.
  virtual const char* name() const = 0;

  // --- The addon's per-environment calls (native/addon.cc) ---
  // JS thread: start delivering events to `dispatch(count, buffer, payloads)`; `schedule()` must
  // arrange for endTask() to be called once the current JS task is done (a microtask).
  virtual void open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule) = 0;
  // JS thread (cleanup hook): destroy every handle on the Qt thread, stop delivering events.
  virtual void close() = 0;
  // The process is exiting (the main thread's 'exit' event): destroy every QObject now, before
  // static destructors run.
  virtual void shutdown() = 0;
  // JS thread: keep the event loop alive (an open socket, a listening server) or not.
  virtual void setRef(bool ref) = 0;
  // JS thread: the task that queued commands is done; returns true when events wait to be
  // delivered now (deliver()).
  virtual bool endTask() = 0;
  // JS thread: dispatch the events queued now.
  virtual void deliver(Napi::Env env) = 0;
  // Qt's code, on the JS thread, asks JS something and waits for the answer (a JS proxy factory's
  // queryProxy): runs fn with JS callable now, in the scopes a call from Node's loop needs. False
  // where Qt runs on a thread of its own, or JS can no longer run.
  virtual bool callJs(const std::function<void(napi_env)>& fn) { return false; }

  // --- Commands, JS -> Qt ---
  // JS thread: queue fn for the Qt thread, in order with this environment's other commands.
  // `target`: the handle fn acts on, whose commands wait while Qt waits inside one of its
  // emissions (Handle::defer). `readOnly`: fn only moves received data along (the handle's
  // commandQueued is not told, and the task's end does not wait for an answer).
  virtual void post(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr, bool readOnly = false) = 0;
  // From a finalizer (no JS may run), or an answer Qt is waiting for: queue fn and send it now.
  virtual void postNow(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr) = 0;
  // JS thread or a finalizer: queue fn, which destroys target's QObject (deleteLater, a collected
  // wrapper). `now`: send it at once (a finalizer: no JS task will end to send it). The loop runtime
  // runs it once Qt is back in its event loop, as Qt's deleteLater does: the object may be inside
  // one of its own emissions now.
  virtual void postDestroy(std::function<void()> fn, std::shared_ptr<Handle> target, bool now) = 0;
  // JS thread: run fn on the Qt thread and return once it has run. Throws a JS Error if Qt does not
  // answer in time or is stopping.
  virtual void call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target = nullptr) = 0;
  // Any thread: get the Qt thread to run what is queued (when no JS task will end to do it).
  virtual void wake() = 0;
  // Qt thread, inside a command: run h->afterCommands() once this batch of commands is done.
  virtual void flushAfterCommands(std::shared_ptr<Handle> h) = 0;
  // JS thread: the task did something Qt will answer without a command of ours (a datagram sent
  // straight from the JS thread): Qt should look at its sockets now, and JS expect an answer.
  virtual void sentDirectly() = 0;
  // Qt thread: run fn once Qt has dispatched what is ready, before it next waits for I/O.
  virtual void beforePoll(std::function<void()> fn) = 0;
  // Qt thread: run fn once Qt has returned from what it is doing now (its emission, the call
  // JS made): what Qt changes after its last signal (a disconnect's reset endpoints) reaches JS
  // before the code that awaited that signal goes on. The thread runtime: before it next waits.
  virtual void afterQt(std::function<void()> fn) { beforePoll(std::move(fn)); }

  // --- Events, Qt -> JS ---
  // Qt thread: queue an event. A `lazy` event (one no slot or wait is watching for: bytesWritten,
  // usually) need not reach JS on its own; it goes with the next one, or within a millisecond.
  virtual void push(Event&& e, bool lazy = false) = 0;
  // Qt thread, as a sync call's snapshot of `handle` is taken: its stateOnly events still queued
  // tell JS nothing the snapshot does not (the loop runtime; the thread runtime has none).
  virtual void dropStateOnly(uint32_t /*handle*/) {}
  // Qt thread, inside an emission of the handle `wait` belongs to (SlotWait::wait): deliver
  // `question` and run Qt's other work until wait.stop() is called (the slot answered, or a
  // command cancelled the wait). When JS cannot answer now (closing; blocked in a sync call Qt is
  // running), it only pushes the question and returns.
  virtual void waitForAnswer(Event&& question, SlotWait& wait) = 0;

  // --- Handles: registered on creation, unregistered when destroyed ---
  virtual void add(const std::shared_ptr<Handle>& h) = 0;
  virtual void remove(uint32_t id) = 0;
  virtual uint32_t nextId() = 0;
  virtual size_t liveHandles() = 0;
  // Qt thread: destroy every handle (the environment closing, or the process exiting).
  virtual void destroyAll() = 0;
};

// The runtime for a new environment: QTNETWORK_RUNTIME ("loop" or "thread"), read once per process,
// since both cannot run Qt in one process; the default when it is unset.
std::shared_ptr<Runtime> MakeRuntime(Napi::Env env);

}  // namespace qtn
