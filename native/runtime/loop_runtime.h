// The loop runtime of one Node environment: Qt's event processing on the environment's own libuv
// loop (runtime/uv_dispatcher.h), on its own thread (the main thread or a worker's). Nothing
// crosses threads: a call runs Qt at once, and what Qt emits meanwhile reaches the JS slots inside
// that call, as in PyQt6 (stateChanged inside connectToHost, a proxy's prompt answered by the slot
// itself). Events that come from Node's loop (a socket readable, a timer) reach the slots as Qt
// emits them too, in a callback scope that ends with the loop's callback.
#pragma once

#include <napi.h>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "runtime/event_batch.h"
#include "runtime/handle.h"
#include "runtime/runtime.h"

namespace qtn {

class UvEventDispatcher;

class LoopRuntime : public Runtime {
 public:
  // JS thread, before any QObject of this environment exists: installs the dispatcher.
  explicit LoopRuntime(Napi::Env env);
  ~LoopRuntime() override;
  const char* name() const override { return "loop"; }

  void open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule) override;
  void close() override;
  void shutdown() override;
  void setRef(bool ref) override;
  bool endTask() override { return false; }
  void deliver(Napi::Env env) override { flush(); }

  void post(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr, bool readOnly = false) override;
  void postNow(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr) override;
  void postDestroy(std::function<void()> fn, std::shared_ptr<Handle> target, bool now) override;
  bool callJs(const std::function<void(napi_env)>& fn) override;
  void call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target = nullptr) override;
  void wake() override {}
  void flushAfterCommands(std::shared_ptr<Handle> h) override;
  void sentDirectly() override {}
  void beforePoll(std::function<void()> fn) override;
  void afterQt(std::function<void()> fn) override;

  void push(Event&& e, bool lazy = false) override;
  void dropStateOnly(uint32_t handle) override;
  // The question reaches the slots now, inside Qt's emission; whatever they answered is in by the
  // time this returns.
  void waitForAnswer(Event&& question, SlotWait& wait) override;

  void add(const std::shared_ptr<Handle>& h) override { handles_.add(h); }
  void remove(uint32_t id) override { handles_.remove(id); }
  uint32_t nextId() override { return handles_.nextId(); }
  size_t liveHandles() override { return handles_.size(); }
  void destroyAll() override { handles_.destroyAll(); }

 private:
  void flush();  // deliver what is queued, if JS can run
  // Qt returned to JS's code or to Node's loop: a stateOnly event still queued goes now, before
  // anything but a slot could read the state it carries.
  void flushStateOnly();
  void openCallbackScope(napi_env env);
  void leaveCallback();
  void beforePollNow();
  void runPendingDestroys();
  void runAfterQt();
  // JS calls Qt (post, postNow, call): once no Qt frame is left below, qtReturned.
  void runQt(const std::function<void()>& fn);
  // Qt returned to JS's code or to Node's loop: what it changed after its last signal (afterQt),
  // then the state-only events still queued.
  void qtReturned();
  bool qtBelow() const { return qt_depth_ > 0 || (in_callback_ > 0 && !leaving_); }

 public:
  static void asyncCleanup(napi_async_cleanup_hook_handle handle, void* arg);

 private:
  napi_env env_;
  std::atomic<bool> closed_{false};
  UvEventDispatcher* dispatcher_ = nullptr;  // owned by Qt (the thread's dispatcher)
  EventBatch batch_;
  napi_async_context async_context_ = nullptr;
  napi_ref resource_ = nullptr;

  std::deque<Event> queue_;
  size_t state_only_ = 0;  // stateOnly events in queue_
  std::vector<std::function<void()>> after_qt_;
  int qt_depth_ = 0;         // inside a call or command JS made into Qt
  bool leaving_ = false;     // a loop callback is over: its promise jobs run (no Qt frame below)
  int in_callback_ = 0;      // inside a callback from Node's loop (no JS of the user's on the stack)
  int js_depth_ = 0;         // dispatches running (JS on the stack)
  bool scope_open_ = false;  // the current callback's scope (see flush)
  napi_callback_scope scope_ = nullptr;
  napi_handle_scope scope_handles_ = nullptr;
  std::vector<std::shared_ptr<Handle>> after_commands_;
  std::vector<std::function<void()>> before_poll_;
  HandleRegistry handles_;
};

}  // namespace qtn
