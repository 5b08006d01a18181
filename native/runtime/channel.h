// One Node environment's link to the Qt thread: its ordered command queue (JS -> Qt), its batched
// event queue (Qt -> JS, one ThreadSafeFunction call per batch) and the handles it owns.
#pragma once

#include <napi.h>

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/live_count.h"

class QEventLoop;
class QTimer;

namespace qtn {

class EnvChannel;
struct Event;

// The Qt-thread half of a JS object (a socket, a server). Owned jointly by its channel's registry
// and its JS wrapper; its QObject is created and destroyed on the Qt thread only.
class Handle : public std::enable_shared_from_this<Handle> {
 public:
  Handle(std::shared_ptr<EnvChannel> channel);
  virtual ~Handle() { LiveCount::handles.fetch_sub(1, std::memory_order_relaxed); }
  uint32_t id() const { return id_; }
  const std::shared_ptr<EnvChannel>& channel() const { return channel_; }
  // Qt thread: delete the QObject. `emitSignals`: forward what Qt emits while it is destroyed
  // (deleteLater from JS); false when the JS object is gone or the environment is closing.
  virtual void destroyOnQt(bool emitSignals) = 0;
  // JS thread: build the JS wrapper object for a handle the Qt thread created (accepted sockets);
  // nullptr when JS cannot run (see EnvChannel::dispatchBatch). Raw N-API, never throws.
  virtual napi_value wrap(napi_env env) { return nullptr; }
  // When everything goes at once, lower ranks go first: a server deletes the sockets still in its
  // pending queue, so it must go before sockets are deleted behind its back.
  virtual int destroyRank() const { return 1; }
  // Qt thread: once a batch of commands that asked for it (EnvChannel::flushAfterCommands) has run.
  virtual void afterCommands() {}
  // JS thread: a command for this handle was queued (it runs on the Qt thread later).
  virtual void commandQueued() {}

  // Qt thread. While Qt is inside one of this handle's signal emissions waiting for a JS slot's
  // answer (waitForSlot), commands for the handle are held back: running them there (an abort, a
  // delete) would pull the socket out from under Qt's own stack. They run, in order, once Qt has
  // left that emission. A sync call held back cancels the wait, since the JS thread that would
  // answer is blocked in that call.
  // (Also while what waited has not run yet, so that later commands queue behind it, in order.)
  bool inEmission() const { return emission_depth_ > 0 || !deferred_.empty(); }
  void defer(std::function<void()> fn, bool cancelsWait);
  // Pushes the event `ask(serial)` makes and runs an event loop until JS answers with
  // answerSlot(serial, ...), the wait is cancelled, or Qt stops. Returns whether JS answered.
  bool waitForSlot(const std::function<Event(uint32_t serial)>& ask);
  // Qt thread: JS's answer; `apply` stores it where the waiting emission reads it, unless the
  // wait it answers is over.
  void answerSlot(uint32_t serial, const std::function<void()>& apply);

 protected:
  std::shared_ptr<EnvChannel> channel_;
  uint32_t id_;

 private:
  void runDeferred();
  int emission_depth_ = 0;
  uint32_t wait_serial_ = 0;
  QEventLoop* wait_loop_ = nullptr;
  bool answered_ = false;
  std::vector<std::function<void()>> deferred_;
};

// A Qt->JS event. `kind` and the meaning of the numeric slots belong to the handle's class; the JS
// side (lib/core/runtime.ts) dispatches on handle id, then kind.
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

  Event() = default;
  Event(Event&& o) noexcept = default;
  Event& operator=(Event&& o) noexcept = default;
  Event(const Event&) = delete;
};

// Numbers per event in the batch buffer JS reads (handle, kind, seq, i[4], d[2]); payloads travel
// apart (see dispatchBatch).
constexpr int kEventSlots = 9;

class EnvChannel : public std::enable_shared_from_this<EnvChannel> {
 public:
  EnvChannel() = default;
  ~EnvChannel();

  // JS thread: start delivering events to `dispatch(array)`; `schedule()` must arrange for
  // endTask() to be called once the current JS task is done (a microtask).
  void open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule);
  // JS thread (cleanup hook): destroy every handle on the Qt thread, stop delivering events.
  void close();
  bool isClosed() const { return closed_.load(); }
  void markClosed() { closed_.store(true); }
  // JS thread: keep the event loop alive (an open socket, a listening server) or not.
  void setRef(bool ref);

  // JS thread: queue fn for the Qt thread, in order with this environment's other commands; it
  // runs once the JS task ends (see channel.cc). `target`: the handle fn acts on, whose commands
  // wait while Qt waits inside one of its emissions (Handle::defer). `readOnly`: fn only moves
  // received data along (Handle::commandQueued is not told).
  void post(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr, bool readOnly = false);
  // JS thread: the task that queued commands is done: send them, and let the Qt thread go.
  // Returns true when events are waiting to be delivered now: having sent commands, it waits a
  // little for the answer (QtThread::expectAnswer tells why), since waking up from sleep costs more.
  bool endTask();
  // JS thread: the task did something the Qt thread will answer without a command of ours (a
  // datagram sent straight from this thread, native/udp_socket.cc): spin for it at the task's end.
  void sentDirectly() { scheduleEndTask(true); }
  // Any thread: get the Qt thread to run what is queued (when no JS task will end to do it).
  void wake();
  // From a finalizer (no JS may run), or an answer Qt is waiting for: queue fn and send it now.
  void postNow(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr);
  // JS thread: run fn on the Qt thread and wait for it (bounded). Throws a JS Error if the Qt
  // thread does not answer in time or is stopping.
  void call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target = nullptr);

  // Qt thread, inside a command: run h->afterCommands() once this batch of commands is done.
  void flushAfterCommands(std::shared_ptr<Handle> h) { after_commands_.push_back(std::move(h)); }

  // Qt thread: queue an event; wakes JS once per batch. A `lazy` event does not wake JS itself
  // (one no slot or wait is watching for: bytesWritten, usually); it goes with the next event that
  // does, or within a millisecond, so the state it carries is never stale for long.
  void push(Event&& e, bool lazy = false);
  // JS thread: dispatch what is queued now (also what the wake-up calls).
  void deliver(Napi::Env env);

  // Handles: registered on creation, unregistered when destroyed.
  void add(const std::shared_ptr<Handle>& h);
  void remove(uint32_t id);
  uint32_t nextId() { return next_id_.fetch_add(1); }
  size_t liveHandles() {
    std::lock_guard<std::mutex> lock(handles_mu_);
    return handles_.size();
  }
  // Qt thread: destroy all handles (environment closing, or the process exiting).
  void destroyAllOnQt();

  // Qt thread, around a nested event loop (Handle::waitForSlot): let this environment's commands
  // run in it even when the wait began inside a command; returns what resumeDrain restores.
  bool suspendDrain();
  void resumeDrain(bool wasDraining);
  // Whether the JS thread is blocked in call() now (then it cannot run a slot Qt waits for).
  bool jsBlocked() const { return js_blocked_.load() > 0; }

 private:
  void drainCommands();                    // Qt thread
  void scheduleEndTask(bool sent = true);  // JS thread
  bool dispatchBatch(napi_env env, std::vector<Event>& batch);
  void releaseBatchBuffer(napi_env env);  // JS thread
  bool awaitAnswer(bool asked);           // JS thread
  void flushLazy();                       // Qt thread
  void wakeJs();                          // any thread

  std::atomic<bool> closed_{false};
  std::atomic<int> js_blocked_{0};
  std::atomic<uint32_t> next_id_{1};

  std::mutex cmd_mu_;
  std::condition_variable cmd_cv_;
  struct Command {
    std::function<void()> fn;
    std::shared_ptr<Handle> target;
    bool sync = false;
  };
  std::vector<Command> commands_;
  bool drain_posted_ = false;
  std::atomic<uint64_t> cmd_signals_{0};                 // bumped when commands arrive or a task ends (spinning)
  std::vector<std::shared_ptr<Handle>> after_commands_;  // Qt thread only
  bool draining_ = false;
  uint64_t hold_seq_ = 0;            // sync calls made
  uint64_t released_seq_ = 0;        // sync calls whose JS task has ended
  bool end_task_scheduled_ = false;  // JS thread only
  bool task_sent_ = false;           // JS thread only: this task sent commands
  bool events_came_ = false;         // JS thread only: this task delivered events
  Napi::FunctionReference schedule_;

  std::mutex ev_mu_;
  std::vector<Event> events_;
  bool wake_pending_ = false;
  std::atomic<bool> events_urgent_{false};  // events are queued that wake JS (not only lazy ones)
  std::atomic<bool> js_spinning_{false};    // JS waits in awaitAnswer: no wake-up needed
  int spin_credit_ = 4;                     // JS thread: see awaitAnswer
  uint32_t spin_skipped_ = 0;
  int64_t answer_nanos_ = 0;   // JS thread: how long answers take, learnt (see awaitAnswer)
  int64_t waiting_since_ = 0;  // JS thread: when the last spin that missed began
  void learnAnswerTime(int64_t nanos);
  QTimer* lazy_timer_ = nullptr;  // Qt thread only
  Napi::ThreadSafeFunction tsfn_;
  bool tsfn_open_ = false;
  Napi::FunctionReference dispatch_;
  // JS thread: the batch buffer JS keeps a view of, reused while big enough; and how deep we are in
  // dispatch (a nested delivery gets a buffer of its own: the outer one is still being read).
  napi_ref batch_buf_ = nullptr;
  double* batch_data_ = nullptr;
  size_t batch_cap_ = 0;  // doubles
  int dispatch_depth_ = 0;

  std::mutex handles_mu_;
  std::unordered_map<uint32_t, std::shared_ptr<Handle>> handles_;
};

}  // namespace qtn
