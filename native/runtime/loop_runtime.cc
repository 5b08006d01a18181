#include "runtime/loop_runtime.h"

#include <dlfcn.h>
#include <uv.h>

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>
#include <QObject>
#include <QThread>

#include "runtime/qt_thread.h"
#include "runtime/uv_dispatcher.h"

namespace qtn {

namespace {

// Qt deletes a thread's dispatcher when the thread ends, after Node has unloaded the addons a
// worker loaded: our dispatcher's code must still be there then. So the addon, once it runs Qt on
// a JS thread, stays loaded for the life of the process.
void KeepAddonLoaded() {
  static bool pinned = false;
  if (pinned) return;
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&KeepAddonLoaded), &info) && info.dli_fname)
    pinned = dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE) != nullptr;
}

}  // namespace

LoopRuntime::LoopRuntime(Napi::Env env) : env_(env) {
  KeepAddonLoaded();
  // QCoreApplication lives on a thread of its own that does nothing else (Qt's "main thread"):
  // a worker may load the addon first and end first. Kept until the process exits.
  static bool app_acquired = false;
  if (!app_acquired) {
    app_acquired = true;
    QtThread::acquire();
  }
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  QThread* here = QThread::currentThread();
  UvEventDispatcher::Hooks hooks{[this] { in_callback_++; }, [this] { leaveCallback(); }, [this] { beforePollNow(); }};
  dispatcher_ = new UvEventDispatcher(loop, std::move(hooks));
  here->setEventDispatcher(dispatcher_);
}

LoopRuntime::~LoopRuntime() = default;

void LoopRuntime::asyncCleanup(napi_async_cleanup_hook_handle handle, void* arg) {
  auto* keep = static_cast<std::shared_ptr<LoopRuntime>*>(arg);
  std::shared_ptr<LoopRuntime> self = *keep;
  delete keep;
  if (!self || !self->dispatcher_) {
    napi_remove_async_cleanup_hook(handle);
    return;
  }
  self->runPendingDestroys();
  UvEventDispatcher* d = self->dispatcher_;
  self->dispatcher_ = nullptr;
  d->detach([handle, self] { napi_remove_async_cleanup_hook(handle); });
}

void LoopRuntime::open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule) {
  batch_.open(env, dispatch);
  if (async_context_) return;
  napi_value resource, name;
  napi_create_object(env, &resource);
  napi_create_string_utf8(env, "qtnetwork", NAPI_AUTO_LENGTH, &name);
  napi_create_reference(env, resource, 1, &resource_);
  napi_async_init(env, resource, name, &async_context_);
}

void LoopRuntime::close() {
  closed_.store(true);
  queue_.clear();
  state_only_ = 0;
  runPendingDestroys();
  handles_.destroyAll();  // none left after shutdown()
  after_commands_.clear();
  before_poll_.clear();
  if (async_context_) napi_async_destroy(env_, async_context_);
  async_context_ = nullptr;
  if (resource_) napi_delete_reference(env_, resource_);
  resource_ = nullptr;
  batch_.close();
}

void LoopRuntime::shutdown() {
  // The process is exiting from the main thread (workers have ended): nothing more reaches JS, and
  // every QObject goes now, as at a natural exit (a local server removes its file). From a slot
  // too: exit() follows, and never returns into the emission's frames.
  closed_.store(true);
  queue_.clear();
  state_only_ = 0;
  runPendingDestroys();
  handles_.destroyAll();
  QtThread::shutdown();
}

void LoopRuntime::setRef(bool ref) {
  if (dispatcher_) dispatcher_->setRef(ref);
}

void LoopRuntime::post(std::function<void()> fn, std::shared_ptr<Handle> target, bool readOnly) {
  if (closed_.load()) return;
  if (readOnly) {
    // JS read some of what it holds (an acknowledgement from inside read()): Qt's next turn hands
    // over more, as Qt reads the kernel again on its next notification, not inside the read call.
    beforePoll(std::move(fn));
    return;
  }
  runQt(fn);
}

void LoopRuntime::postNow(std::function<void()> fn, std::shared_ptr<Handle> target) {
  if (closed_.load()) return;
  runQt(fn);
}

void LoopRuntime::postDestroy(std::function<void()> fn, std::shared_ptr<Handle> target, bool now) {
  if (closed_.load() || !dispatcher_) return;
  if (now && !qtBelow()) {
    // A collected wrapper (finalizers run from Node's loop) with no Qt frame below: freed at once.
    // Posted, it would wait for Qt's next turn, which at exit never comes (valgrind saw the post
    // left behind).
    postNow(std::move(fn), std::move(target));
    return;
  }
  // A posted functor: Qt runs it from its event loop, never inside an emission (as deleteLater).
  QMetaObject::invokeMethod(dispatcher_, std::move(fn), Qt::QueuedConnection);
}

void LoopRuntime::runPendingDestroys() {
  // Destroys posted by collected wrappers that Qt's loop has not reached: the env is ending and
  // the loop will not turn again, so they run now (a posted event left behind is never freed).
  if (dispatcher_) QCoreApplication::sendPostedEvents(dispatcher_, QEvent::MetaCall);
}

void LoopRuntime::call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target) {
  if (closed_.load()) throw Napi::Error::New(env, "qtnetwork: Qt has stopped in this environment");
  runQt(fn);
}

void LoopRuntime::runQt(const std::function<void()>& fn) {
  qt_depth_++;
  fn();
  qt_depth_--;
  if (!qtBelow()) qtReturned();
}

void LoopRuntime::qtReturned() {
  runAfterQt();
  flushStateOnly();
}

void LoopRuntime::afterQt(std::function<void()> fn) {
  after_qt_.push_back(std::move(fn));
  if (dispatcher_) dispatcher_->armBeforePoll();  // for anything that runs Qt outside our entries
}

void LoopRuntime::runAfterQt() {
  while (!after_qt_.empty() && !closed_.load()) {
    std::vector<std::function<void()>> due;
    due.swap(after_qt_);
    for (auto& fn : due) fn();
  }
}

void LoopRuntime::flushAfterCommands(std::shared_ptr<Handle> h) {
  // Before the loop next waits: every write of the JS task goes out in one flush per socket.
  after_commands_.push_back(std::move(h));
  if (dispatcher_) dispatcher_->armBeforePoll();
}

void LoopRuntime::beforePoll(std::function<void()> fn) {
  before_poll_.push_back(std::move(fn));
  if (dispatcher_) dispatcher_->armBeforePoll();
}

void LoopRuntime::beforePollNow() {
  std::vector<std::shared_ptr<Handle>> after;
  after.swap(after_commands_);
  for (auto& h : after) h->afterCommands();
  runAfterQt();
  std::vector<std::function<void()>> due;
  due.swap(before_poll_);
  for (auto& fn : due) fn();
  flush();  // lazy events too
}

void LoopRuntime::push(Event&& e, bool lazy) {
  if (closed_.load()) return;
  if (e.stateOnly) state_only_++;
  queue_.push_back(std::move(e));
  if (!lazy)
    flush();
  else if (dispatcher_)
    dispatcher_->armBeforePoll();
}

void LoopRuntime::dropStateOnly(uint32_t handle) {
  if (state_only_ == 0) return;
  for (auto it = queue_.begin(); it != queue_.end();) {
    if (it->stateOnly && it->handle == handle) {
      it = queue_.erase(it);
      state_only_--;
    } else {
      ++it;
    }
  }
}

void LoopRuntime::flushStateOnly() {
  if (state_only_ > 0) flush();
}

void LoopRuntime::waitForAnswer(Event&& question, SlotWait& wait) { push(std::move(question)); }

void LoopRuntime::flush() {
  if (closed_.load() || !batch_.isOpen()) return;
  // Each event goes to JS as Qt emits it, inside the emission. From a callback of Node's loop, the
  // first one opens a callback scope that the callback's end closes: the promise jobs the events
  // settled (an await on waitForConnected) run then, once Qt has left its frames, as the thread
  // runtime runs them after its batch (lib/core/runtime.ts holds back what follows an event that
  // answered a wait). Per event they would run inside Qt's read loop, where an await that writes
  // again keeps the loop from ever returning to Node's.
  while (!queue_.empty() && !closed_.load()) {
    std::vector<Event> batch;
    for (auto& e : queue_) batch.push_back(std::move(e));
    queue_.clear();
    state_only_ = 0;
    bool fromLoop = in_callback_ > 0 && js_depth_ == 0;
    bool delivered = callJs([&](napi_env env) {
      if (!batch_.dispatch(env, batch, closed_, !fromLoop)) {
        napi_value ignored;
        napi_get_and_clear_last_exception(env, &ignored);
      }
    });
    if (!delivered) return;
  }
}

bool LoopRuntime::callJs(const std::function<void(napi_env)>& fn) {
  if (closed_.load() || !batch_.isOpen()) return false;
  napi_env env = batch_.env();
  // From a callback of Node's loop, inside its callback scope, which the callback's end closes (flush).
  if (in_callback_ > 0 && js_depth_ == 0) openCallbackScope(env);
  napi_handle_scope hs;
  if (napi_open_handle_scope(env, &hs) != napi_ok) return false;
  js_depth_++;
  fn(env);
  js_depth_--;
  napi_close_handle_scope(env, hs);
  return true;
}

void LoopRuntime::openCallbackScope(napi_env env) {
  if (scope_open_ || !async_context_) return;
  napi_value resource;
  if (napi_open_handle_scope(env, &scope_handles_) != napi_ok) return;
  if (napi_get_reference_value(env, resource_, &resource) != napi_ok ||
      napi_open_callback_scope(env, resource, async_context_, &scope_) != napi_ok) {
    napi_close_handle_scope(env, scope_handles_);
    return;
  }
  scope_open_ = true;
}

void LoopRuntime::leaveCallback() {
  // Qt is done with this callback: what it changed after its last signal reaches JS now, before
  // the promise jobs that signal settled.
  qtReturned();
  if (scope_open_) {
    scope_open_ = false;
    // The promise jobs and next-ticks run here: JS on the stack, for what they make Qt emit.
    js_depth_++;
    leaving_ = true;
    napi_close_callback_scope(env_, scope_);
    napi_close_handle_scope(env_, scope_handles_);
    leaving_ = false;
    js_depth_--;
  }
  in_callback_--;
}

std::shared_ptr<Runtime> MakeLoopRuntime(Napi::Env env) {
  auto rt = std::make_shared<LoopRuntime>(env);
  // Node ends a worker's loop only once every handle is closed, and uv_close finishes in a later
  // turn of the loop: an async cleanup hook lets the dispatcher close its handles and say when.
  // Registered before the Module's own cleanup hook (close()), so it runs after it.
  napi_async_cleanup_hook_handle unused;
  napi_add_async_cleanup_hook(env, LoopRuntime::asyncCleanup, new std::shared_ptr<LoopRuntime>(rt), &unused);
  return rt;
}

}  // namespace qtn
