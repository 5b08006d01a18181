#include "runtime/channel.h"

#include <QEventLoop>

#include <condition_variable>
#include <mutex>
#include <set>

#include "runtime/qt_thread.h"

namespace qtn {

namespace {
// Every open channel, so that a process exit can destroy all handles on the Qt thread.
std::mutex all_mu;
std::set<EnvChannel*> all_channels;
}  // namespace

void EnvChannel::destroyEverything() {
  std::lock_guard<std::mutex> lock(all_mu);
  for (EnvChannel* ch : all_channels) {
    ch->closed_.store(true);
    ch->destroyAll();
  }
}

EnvChannel::EnvChannel() { QtThread::acquire(); }

EnvChannel::~EnvChannel() = default;

void EnvChannel::open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule) {
  // Opened again by a second copy of lib/ in this environment: the newest copy's functions serve.
  schedule_ = Napi::Persistent(schedule);
  if (!events_.open(env, dispatch)) return;
  QtThread::setBeforeStop(destroyEverything);
  std::lock_guard<std::mutex> lock(all_mu);
  all_channels.insert(this);
}

void EnvChannel::close() {
  // Already closed when the process-exit shutdown destroyed everything.
  bool wasClosed = closed_.exchange(true);
  {
    std::lock_guard<std::mutex> lock(all_mu);
    all_channels.erase(this);
  }
  // Destroy this environment's QObjects on the Qt thread and wait, so that nothing of ours runs
  // for this environment once its cleanup hook returns.
  if (!wasClosed && QtThread::running()) {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    auto self = shared_from_this();
    bool posted = QtThread::post([self, &m, &cv, &done] {
      self->destroyAll();
      std::lock_guard<std::mutex> lock(m);
      done = true;
      cv.notify_all();
    });
    if (posted) {
      std::unique_lock<std::mutex> lock(m);
      cv.wait_for(lock, kCallLimit, [&] { return done; });
    }
  }
  events_.close();
  schedule_.Reset();
  commands_.closing();
  QtThread::release();
}

void EnvChannel::shutdown() {
  endTask();  // let go of a Qt thread held for this task
  QtThread::shutdown();
}

void EnvChannel::destroyAll() {
  events_.stopLazyTimer();
  handles_.destroyAll();
}

void EnvChannel::post(std::function<void()> fn, std::shared_ptr<Handle> target, bool readOnly) {
  if (closed_.load()) return;
  if (target && !readOnly) target->commandQueued();
  commands_.queue(std::move(fn), std::move(target));
  // A read's acknowledgement asks for no answer: it does not make the task's end wait for one.
  scheduleEndTask(!readOnly);
}

void EnvChannel::postNow(std::function<void()> fn, std::shared_ptr<Handle> target) {
  if (closed_.load()) return;
  if (target) target->commandQueued();
  commands_.queue(std::move(fn), std::move(target));
  commands_.wake();
}

void EnvChannel::call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target) {
  if (closed_.load()) throw Napi::Error::New(env, "qtnetwork: the Qt thread has stopped");
  scheduleEndTask();  // the Qt thread stays with us until then
  commands_.call(env, fn, std::move(target));
}

void EnvChannel::sentDirectly() {
  QtSpinner::poke();  // a spinning Qt thread polls now: the peer may be one of ours
  scheduleEndTask(true);
}

void EnvChannel::beforePoll(std::function<void()> fn) { QtThread::beforePoll(std::move(fn)); }

void EnvChannel::waitForAnswer(Event&& question, SlotWait& wait) {
  // Nested: Qt's other sockets, and this environment's commands for other handles, go on while JS
  // runs the slot; only this handle's own commands wait (SlotWait::defer).
  QEventLoop loop;
  bool canAnswer = !closed_.load() && QtThread::running() && !commands_.jsBlocked();
  // JS still hears of it; when it cannot answer now (closing, or blocked in a sync call that Qt is
  // running, such as a SOCKS5 BIND), Qt goes on with what it has, as with a slot that set nothing.
  push(std::move(question));
  if (!canAnswer) return;
  wait.onStop([&loop] { loop.quit(); });
  bool wasDraining = commands_.suspendDrain();
  loop.exec();
  commands_.resumeDrain(wasDraining);
  wait.onStop(nullptr);
}

void EnvChannel::scheduleEndTask(bool sent) {
  if (sent) task_sent_ = true;
  if (end_task_scheduled_ || schedule_.IsEmpty()) return;
  end_task_scheduled_ = true;
  // Raw, as in EventQueue::dispatchBatch: this runs inside calls from JS, which a worker's
  // termination can cut.
  napi_env env = schedule_.Env();
  napi_value recv, result;
  if (napi_get_undefined(env, &recv) != napi_ok ||
      napi_call_function(env, recv, schedule_.Value(), 0, nullptr, &result) != napi_ok) {
    end_task_scheduled_ = false;
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
}

bool EnvChannel::endTask() {
  end_task_scheduled_ = false;
  // Commands (sync calls included) were sent, or events came: more is likely to follow soon.
  bool asked = task_sent_;
  bool sent = task_sent_ || events_came_;
  task_sent_ = false;
  events_came_ = false;
  commands_.taskEnded();
  return sent && answer_spin_.awaitAnswer(asked, events_.urgent());
}

void EnvChannel::deliver(Napi::Env env) {
  if (!events_.deliver(env)) return;
  // Events come in runs (a connection's accept, then its peer's connected): wait a little for the
  // next one once this task (and its microtasks) is done, as after sending commands.
  events_came_ = true;
  scheduleEndTask(false);
}

}  // namespace qtn
