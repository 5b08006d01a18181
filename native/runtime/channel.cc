#include "runtime/channel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>

#include "runtime/qt_thread.h"

namespace qtn {

namespace {
// Every open channel, so that a process exit can destroy all handles on the Qt thread.
std::mutex all_mu;
std::set<EnvChannel*> all_channels;

// Qt thread, when the process exits: nothing of ours may run for any environment after this.
void destroyEverything() {
  std::lock_guard<std::mutex> lock(all_mu);
  for (EnvChannel* ch : all_channels) {
    ch->markClosed();
    ch->destroyAllOnQt();
  }
}

// A JS->Qt wait longer than this means the Qt thread is stuck (SOCKS5 BIND blocks it up to 5 s).
constexpr auto kCallLimit = std::chrono::seconds(30);
// How long the Qt thread waits, after a sync call, for the JS task to end (see post()).
constexpr auto kHoldLimit = std::chrono::milliseconds(20);
// The longest a lazy event (see push) waits for another event to carry it to JS.
constexpr int kLazyDelay = 1;  // ms
}  // namespace

Handle::Handle(std::shared_ptr<EnvChannel> channel) : channel_(std::move(channel)), id_(channel_->nextId()) {
  LiveCount::handles.fetch_add(1, std::memory_order_relaxed);
}

void Handle::defer(std::function<void()> fn, bool cancelsWait) {
  deferred_.push_back(std::move(fn));
  if (cancelsWait && wait_loop_) wait_loop_->quit();
}

bool Handle::waitForSlot(const std::function<Event(uint32_t serial)>& ask) {
  // Nested: Qt's other sockets, and this environment's commands for other handles, go on while JS
  // runs the slot; only this handle's own commands wait (defer).
  if (wait_loop_) {  // asked again from inside its own wait: JS hears of it, Qt goes on unanswered
    channel_->push(ask(0));
    return false;
  }
  uint32_t serial = ++wait_serial_;
  Event e = ask(serial);
  answered_ = false;
  emission_depth_++;
  QEventLoop loop;
  wait_loop_ = &loop;
  bool canAnswer = !channel_->isClosed() && QtThread::running() && !channel_->jsBlocked();
  // JS still hears of it; when it cannot answer now (closing, or blocked in a sync call that Qt is
  // running, such as a SOCKS5 BIND), Qt goes on with what it has, as with a slot that set nothing.
  channel_->push(std::move(e));
  if (canAnswer) {
    bool wasDraining = channel_->suspendDrain();
    loop.exec();
    channel_->resumeDrain(wasDraining);
  }
  wait_loop_ = nullptr;
  emission_depth_--;
  wait_serial_++;  // a late answer to this wait is ignored
  if (!deferred_.empty() && emission_depth_ == 0) {
    // Qt is still inside its emission: run what waited once it has returned to its event loop.
    auto self = shared_from_this();
    QTimer::singleShot(0, QCoreApplication::instance(), [self] { self->runDeferred(); });
  }
  return answered_;
}

void Handle::answerSlot(uint32_t serial, const std::function<void()>& apply) {
  if (serial != wait_serial_ || !wait_loop_) return;
  apply();
  answered_ = true;
  wait_loop_->quit();
}

void Handle::runDeferred() {
  // One at a time from the front, so that commands deferred meanwhile stay behind the earlier ones.
  while (!deferred_.empty() && emission_depth_ == 0) {
    std::function<void()> fn = std::move(deferred_.front());
    deferred_.erase(deferred_.begin());
    fn();  // may start another wait: then its end runs the rest
  }
}

EnvChannel::~EnvChannel() = default;

void EnvChannel::open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule) {
  // Opened again by a second copy of lib/ in this environment: the newest copy's functions serve.
  dispatch_ = Napi::Persistent(dispatch);
  schedule_ = Napi::Persistent(schedule);
  releaseBatchBuffer(env);  // the new copy has no view of it: the next batch sends a new one
  if (tsfn_open_) return;
  tsfn_ = Napi::ThreadSafeFunction::New(env, dispatch, "qtnetwork-events", 0, 1);
  tsfn_.Unref(env);
  tsfn_open_ = true;
  QtThread::setBeforeStop(destroyEverything);
  std::lock_guard<std::mutex> lock(all_mu);
  all_channels.insert(this);
}

void EnvChannel::setRef(bool ref) {
  if (!tsfn_open_) return;
  Napi::Env env = dispatch_.Env();
  if (ref)
    tsfn_.Ref(env);
  else
    tsfn_.Unref(env);
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
      self->destroyAllOnQt();
      std::lock_guard<std::mutex> lock(m);
      done = true;
      cv.notify_all();
    });
    if (posted) {
      std::unique_lock<std::mutex> lock(m);
      cv.wait_for(lock, kCallLimit, [&] { return done; });
    }
  }
  if (tsfn_open_) {
    tsfn_open_ = false;
    tsfn_.Abort();
  }
  if (!dispatch_.IsEmpty()) releaseBatchBuffer(dispatch_.Env());
  dispatch_.Reset();
  schedule_.Reset();
  cmd_cv_.notify_all();
  std::lock_guard<std::mutex> lock(ev_mu_);
  events_.clear();
}

// Commands from one JS task reach the Qt thread together, at the end of the task (endTask), or at
// once with a sync call; after a sync call the Qt thread stays with this environment until the task
// ends. So a sequence of calls runs in Qt without its event loop in between, as in PyQt6, where
// nothing happens between two calls of the same Python code (write(); close() leaves the socket
// Closing with its data unsent, whatever the network does meanwhile).
void EnvChannel::post(std::function<void()> fn, std::shared_ptr<Handle> target, bool readOnly) {
  if (closed_.load()) return;
  if (target && !readOnly) target->commandQueued();
  {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    commands_.push_back({std::move(fn), std::move(target)});
  }
  cmd_signals_++;
  // A read's acknowledgement asks for no answer: it does not make the task's end wait for one.
  scheduleEndTask(!readOnly);
}

void EnvChannel::postNow(std::function<void()> fn, std::shared_ptr<Handle> target) {
  if (closed_.load()) return;
  if (target) target->commandQueued();
  {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    commands_.push_back({std::move(fn), std::move(target)});
  }
  cmd_signals_++;
  wake();
}

void EnvChannel::scheduleEndTask(bool sent) {
  if (sent) task_sent_ = true;
  if (end_task_scheduled_ || schedule_.IsEmpty()) return;
  end_task_scheduled_ = true;
  // Raw, as in dispatchBatch: this runs inside calls from JS, which a worker's termination can cut.
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
  {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    released_seq_ = hold_seq_;
  }
  cmd_signals_++;
  cmd_cv_.notify_all();
  wake();
  return sent && awaitAnswer(asked);
}

// Spinning for Qt's answer pays when answers come (a request/response exchange) and wastes the
// JS thread's time when they don't (a sender): after a few misses in a row it stops, and tries
// again once in a while. After a task that asked something (sent commands), how long to spin is
// learnt: answers that came later than the window, but within kSpinStretch windows, widen it to
// cover them (a peer in another process, ~70 µs away, is answered without a wake-up); answers that
// come sooner narrow it back. After a task that only took events, the wait is the base one: a
// stream's next chunk is no answer, and waiting out its gaps would keep a core busy.
constexpr int64_t kSpinStretch = 4;

bool EnvChannel::awaitAnswer(bool asked) {
  int64_t base = QtThread::spinNanos();
  if (base == 0) return false;
  if (spin_credit_ <= 0 && (++spin_skipped_ % 64) != 0) return false;
  int64_t spin = asked ? std::clamp<int64_t>(answer_nanos_ + answer_nanos_ / 2, base, kSpinStretch * base) : base;
  int64_t start = NowNanos();
  // While js_spinning_ is set, the Qt thread leaves the ThreadSafeFunction alone (a wake-up JS
  // would take later, for nothing). Both sides store then load (sequentially consistent): either
  // the Qt thread sees that we stopped spinning and wakes us, or we see its events here.
  js_spinning_.store(true);
  bool answered = SpinUntil(start + spin, [this] { return events_urgent_.load(); });
  js_spinning_.store(false);
  if (!answered) answered = events_urgent_.load();
  if (answered) {
    spin_credit_ = 4;
    if (asked) learnAnswerTime(NowNanos() - start);
  } else {
    if (spin_credit_ > 0) spin_credit_--;
    if (asked) waiting_since_ = start;  // deliver() learns when the answer came
  }
  return answered;
}

void EnvChannel::learnAnswerTime(int64_t nanos) { answer_nanos_ += (nanos - answer_nanos_) / 4; }

void EnvChannel::wake() {
  {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    if (commands_.empty()) return;
    if (draining_) {
      cmd_cv_.notify_all();  // a held drain picks them up; a running one re-checks before it ends
      return;
    }
    if (drain_posted_) return;
    drain_posted_ = true;
  }
  auto self = shared_from_this();
  auto drain = [self] { self->drainCommands(); };
  if (QtThread::postToSpinner(drain)) return;
  if (!QtThread::post(std::move(drain))) {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    commands_.clear();
    drain_posted_ = false;
  }
}

void EnvChannel::drainCommands() {
  std::unique_lock<std::mutex> lock(cmd_mu_);
  drain_posted_ = false;
  draining_ = true;
  bool spun = false;
  for (;;) {
    if (!commands_.empty()) {
      spun = false;
      std::vector<Command> batch;
      batch.swap(commands_);
      lock.unlock();
      for (auto& c : batch) {
        if (c.target && c.target->inEmission())
          c.target->defer(std::move(c.fn), c.sync);
        else
          c.fn();
      }
      std::vector<std::shared_ptr<Handle>> after;
      after.swap(after_commands_);
      for (auto& h : after) h->afterCommands();
      lock.lock();
      continue;
    }
    if (released_seq_ >= hold_seq_ || closed_.load()) break;
    // Held after a sync call: wait for the rest of the JS task's commands, or its end. A task
    // that runs on for long does not keep the Qt thread from its other work. First spin a while
    // (QtThread::expectAnswer): the task usually ends within microseconds, and waking up from the
    // condition variable would cost more, with the Qt thread's sockets waiting meanwhile.
    if (!spun && QtThread::spinNanos() > 0) {
      spun = true;
      uint64_t seen = cmd_signals_.load();
      lock.unlock();
      SpinUntil(NowNanos() + QtThread::spinNanos(), [this, seen] { return cmd_signals_.load() != seen; });
      lock.lock();
      continue;
    }
    bool woke = cmd_cv_.wait_for(lock, kHoldLimit,
                                 [this] { return !commands_.empty() || released_seq_ >= hold_seq_ || closed_.load(); });
    if (!woke) {
      released_seq_ = hold_seq_;
      break;
    }
  }
  draining_ = false;
}

bool EnvChannel::suspendDrain() {
  bool was;
  {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    was = draining_;
    draining_ = false;
    drain_posted_ = false;  // one posted before may be queued behind us: post again, drains are idempotent
  }
  wake();
  return was;
}

void EnvChannel::resumeDrain(bool wasDraining) {
  std::lock_guard<std::mutex> lock(cmd_mu_);
  draining_ = wasDraining;
}

void EnvChannel::call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target) {
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::atomic<bool> doneFlag{false};  // read without the lock while spinning
  };
  if (closed_.load()) throw Napi::Error::New(env, "qtnetwork: the Qt thread has stopped");
  auto w = std::make_shared<Wait>();
  // fn is only used while we wait below; if we give up waiting, the command must not run it.
  auto alive = std::make_shared<std::atomic<bool>>(true);
  const std::function<void()>* fnp = &fn;
  {
    std::lock_guard<std::mutex> lock(cmd_mu_);
    hold_seq_++;
    commands_.push_back({[w, alive, fnp] {
                           if (alive->load()) (*fnp)();
                           std::lock_guard<std::mutex> lock(w->m);
                           w->done = true;
                           w->doneFlag.store(true, std::memory_order_release);
                           w->cv.notify_all();
                         },
                         std::move(target), true});
  }
  cmd_signals_++;
  scheduleEndTask();
  wake();
  // A sync call takes a few microseconds on the Qt thread: spin for a while before
  // sleeping (see QtThread::expectAnswer).
  if (int64_t spin = QtThread::spinNanos())
    SpinUntil(NowNanos() + spin, [&w] { return w->doneFlag.load(std::memory_order_acquire); });
  std::unique_lock<std::mutex> lock(w->m);
  struct Blocked {
    std::atomic<int>& n;
    explicit Blocked(std::atomic<int>& c) : n(c) { n++; }
    ~Blocked() { n--; }
  } blocked(js_blocked_);
  auto deadline = std::chrono::steady_clock::now() + kCallLimit;
  while (!w->done) {
    if (closed_.load() || !QtThread::running() || w->cv.wait_until(lock, deadline) == std::cv_status::timeout) {
      if (w->done) break;
      alive->store(false);
      lock.unlock();
      throw Napi::Error::New(env, "qtnetwork: the Qt thread did not answer (it is stopping or busy)");
    }
  }
}

void EnvChannel::push(Event&& e, bool lazy) {
  if (closed_.load()) return;
  bool wake = false, arm = false;
  {
    std::lock_guard<std::mutex> lock(ev_mu_);
    events_.push_back(std::move(e));
    if (!lazy) {
      wake = !wake_pending_;
      wake_pending_ = true;
      events_urgent_.store(true);
    } else {
      arm = !wake_pending_;
    }
  }
  if (wake) {
    if (js_spinning_.load()) {
      if (QtThread::onQtThread()) QtThread::expectAnswer();  // JS takes them from its spin
    } else {
      wakeJs();
    }
  } else if (arm && QtThread::onQtThread()) {
    // Lazy: it rides with the next event that wakes JS, or goes within kLazyDelay. A 64-byte
    // exchange is then one wake of the JS thread per direction, not two (bytesWritten, readyRead).
    if (!lazy_timer_) {
      lazy_timer_ = new QTimer();
      lazy_timer_->setSingleShot(true);
      lazy_timer_->setTimerType(Qt::PreciseTimer);
      std::weak_ptr<EnvChannel> weak = shared_from_this();
      QObject::connect(lazy_timer_, &QTimer::timeout, lazy_timer_, [weak] {
        if (auto self = weak.lock()) self->flushLazy();
      });
    }
    if (!lazy_timer_->isActive()) lazy_timer_->start(kLazyDelay);
  }
}

void EnvChannel::flushLazy() {
  bool wake;
  {
    std::lock_guard<std::mutex> lock(ev_mu_);
    wake = !events_.empty() && !wake_pending_;
    if (wake) {
      wake_pending_ = true;
      events_urgent_.store(true, std::memory_order_release);
    }
  }
  if (wake) wakeJs();
}

void EnvChannel::wakeJs() {
  if (!tsfn_open_) return;
  if (QtThread::onQtThread()) QtThread::expectAnswer();
  auto self = shared_from_this();
  tsfn_.NonBlockingCall([self](Napi::Env env, Napi::Function) { self->deliver(env); });
}

void EnvChannel::deliver(Napi::Env env) {
  if (closed_.load() || dispatch_.IsEmpty()) return;
  std::vector<Event> batch;
  {
    std::lock_guard<std::mutex> lock(ev_mu_);
    batch.swap(events_);
    wake_pending_ = false;
    events_urgent_.store(false, std::memory_order_relaxed);
  }
  if (batch.empty()) return;
  if (waiting_since_) {
    // An answer that missed the spin: if a wider window would have caught it, learn it.
    int64_t late = NowNanos() - waiting_since_;
    waiting_since_ = 0;
    if (late < kSpinStretch * QtThread::spinNanos()) {
      learnAnswerTime(late);
      spin_credit_ = 4;
    }
  }
  // Raw N-API from here on, every status checked: a worker being terminated cannot run JS, and
  // node-addon-api would turn that into a C++ exception thrown through Node's C frames, or build
  // an Error from V8's termination value, both of which abort the process. The batch is dropped.
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  if (!dispatchBatch(env, batch)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  napi_close_handle_scope(env, scope);
  // Events come in runs (a connection's accept, then its peer's connected): wait a little for the
  // next one once this task (and its microtasks) is done, as after sending commands.
  events_came_ = true;
  scheduleEndTask(false);
}

void EnvChannel::releaseBatchBuffer(napi_env env) {
  if (batch_buf_) napi_delete_reference(env, batch_buf_);
  batch_buf_ = nullptr;
  batch_data_ = nullptr;
  batch_cap_ = 0;
}

// A batch reaches JS as dispatch(count, buffer, payloads): the numbers of every event in a
// Float64Array over `buffer` (kEventSlots per event; `buffer` undefined when it is the one JS was
// last given), and `payloads`, indexed by event, only when some event has one (else null). Writing
// numbers into memory JS already holds costs a fraction of setting array elements through N-API,
// which was most of the JS thread's work per event.
bool EnvChannel::dispatchBatch(napi_env env, std::vector<Event>& batch) {
  const size_t need = batch.size() * kEventSlots;
  napi_value bufArg;
  if (napi_get_undefined(env, &bufArg) != napi_ok) return false;
  double* out = batch_data_;
  if (dispatch_depth_ > 0 || need > batch_cap_) {
    size_t cap = dispatch_depth_ > 0 ? need : std::max(need, std::max(batch_cap_ * 2, size_t(kEventSlots) * 64));
    void* data;
    if (napi_create_arraybuffer(env, cap * sizeof(double), &data, &bufArg) != napi_ok) return false;
    out = static_cast<double*>(data);
    if (dispatch_depth_ == 0) {
      releaseBatchBuffer(env);
      if (napi_create_reference(env, bufArg, 1, &batch_buf_) != napi_ok) return false;
      batch_data_ = out;
      batch_cap_ = cap;
    }
  }
  napi_value payloads;
  bool anyPayload = false;
  for (const Event& e : batch)
    if (!e.bytes.isEmpty() || e.handleArg || e.makePayload || !e.strings.empty()) anyPayload = true;
  if (anyPayload) {
    if (napi_create_array_with_length(env, batch.size(), &payloads) != napi_ok) return false;
  } else if (napi_get_null(env, &payloads) != napi_ok) {
    return false;
  }
  for (uint32_t n = 0; n < batch.size(); n++) {
    Event& e = batch[n];
    double* slot = out + size_t(n) * kEventSlots;
    slot[0] = e.handle;
    slot[1] = e.kind;
    slot[2] = e.seq;
    for (int j = 0; j < 4; j++) slot[3 + j] = e.i[j];
    for (int j = 0; j < 2; j++) slot[7 + j] = e.d[j];
    if (!anyPayload) continue;
    napi_value payload = nullptr;
    if (!e.bytes.isEmpty()) {
      // The Buffer keeps the QByteArray (the only reference to its bytes) alive.
      auto* keep = new QByteArray(std::move(e.bytes));
      napi_status st = napi_create_external_buffer(
          env, size_t(keep->size()), keep->data(),
          [](napi_env, void*, void* hint) { delete static_cast<QByteArray*>(hint); }, keep, &payload);
      if (st != napi_ok) {
        delete keep;
        return false;
      }
    } else if (e.handleArg) {
      payload = e.handleArg->wrap(env);
      if (!payload) return false;
    } else if (e.makePayload) {
      payload = e.makePayload(env);
      if (!payload) return false;
    } else if (!e.strings.empty()) {
      if (napi_create_array_with_length(env, e.strings.size(), &payload) != napi_ok) return false;
      for (uint32_t j = 0; j < e.strings.size(); j++) {
        napi_value str;
        if (napi_create_string_utf8(env, e.strings[j].data(), e.strings[j].size(), &str) != napi_ok ||
            napi_set_element(env, payload, j, str) != napi_ok)
          return false;
      }
    }
    if (payload && napi_set_element(env, payloads, n, payload) != napi_ok) return false;
  }
  napi_value fn = dispatch_.Value(), recv, result, count;
  if (napi_get_undefined(env, &recv) != napi_ok || napi_create_uint32(env, uint32_t(batch.size()), &count) != napi_ok)
    return false;
  napi_value args[3] = {count, bufArg, payloads};
  dispatch_depth_++;
  napi_status called = napi_call_function(env, recv, fn, 3, args, &result);
  dispatch_depth_--;
  if (called == napi_ok) return true;
  // lib/core/signal.ts already turns a throwing slot into an uncaught exception, so a throw here
  // is ours: Node's uncaught-exception path, as for a throwing net.Socket listener (never back
  // into the ThreadSafeFunction, where it would hang the process). V8's termination value is no
  // object: that is a worker going away, and nothing is left to tell.
  napi_value exc;
  if (napi_get_and_clear_last_exception(env, &exc) != napi_ok) return true;
  napi_valuetype type;
  if (!closed_.load() && napi_typeof(env, exc, &type) == napi_ok && type == napi_object) napi_fatal_exception(env, exc);
  return true;
}

void EnvChannel::add(const std::shared_ptr<Handle>& h) {
  std::lock_guard<std::mutex> lock(handles_mu_);
  handles_[h->id()] = h;
}

void EnvChannel::remove(uint32_t id) {
  std::lock_guard<std::mutex> lock(handles_mu_);
  handles_.erase(id);
}

void EnvChannel::destroyAllOnQt() {
  delete lazy_timer_;  // Qt thread; no event is pushed once closed
  lazy_timer_ = nullptr;
  std::unordered_map<uint32_t, std::shared_ptr<Handle>> all;
  {
    std::lock_guard<std::mutex> lock(handles_mu_);
    all.swap(handles_);
  }
  std::vector<std::shared_ptr<Handle>> ordered;
  for (auto& entry : all) ordered.push_back(entry.second);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a->destroyRank() < b->destroyRank(); });
  for (auto& h : ordered) {
    if (h->inEmission())  // destroyed once Qt has left the emission it waits in
      h->defer([h] { h->destroyOnQt(false); }, true);
    else
      h->destroyOnQt(false);
  }
}

}  // namespace qtn
