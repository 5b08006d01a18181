#include "runtime/command_queue.h"

#include "runtime/handle.h"
#include "runtime/qt_thread.h"
#include "runtime/spin.h"

namespace qtn {

namespace {
// How long the Qt thread waits, after a sync call, for the JS task to end.
constexpr auto kHoldLimit = std::chrono::milliseconds(20);
}  // namespace

void CommandQueue::queue(std::function<void()> fn, std::shared_ptr<Handle> target) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    commands_.push_back({std::move(fn), std::move(target)});
  }
  signals_++;
}

void CommandQueue::taskEnded() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    released_seq_ = hold_seq_;
  }
  signals_++;
  cv_.notify_all();
  wake();
}

void CommandQueue::wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (commands_.empty()) return;
    if (draining_) {
      cv_.notify_all();  // a held drain picks them up; a running one re-checks before it ends
      return;
    }
    if (drain_posted_) return;
    drain_posted_ = true;
  }
  auto self = owner_.shared_from_this();  // keeps this queue (a part of it) alive until it runs
  auto drain = [self, this] { this->drain(); };
  if (QtThread::running() && QtSpinner::handTo(drain)) return;
  if (!QtThread::post(std::move(drain))) {
    std::lock_guard<std::mutex> lock(mu_);
    commands_.clear();
    drain_posted_ = false;
  }
}

void CommandQueue::drain() {
  std::unique_lock<std::mutex> lock(mu_);
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
      // What they made Qt emit goes to JS now, not once the Qt thread is let go (a held drain).
      QtThread::endTurn();
      lock.lock();
      continue;
    }
    if (released_seq_ >= hold_seq_ || closed_.load()) break;
    // Held after a sync call: wait for the rest of the JS task's commands, or its end. A task
    // that runs on for long does not keep the Qt thread from its other work. First spin a while:
    // the task usually ends within microseconds, and waking up from the condition variable would
    // cost more, with the Qt thread's sockets waiting meanwhile.
    if (!spun && SpinNanos() > 0) {
      spun = true;
      uint64_t seen = signals_.load();
      lock.unlock();
      SpinUntil(NowNanos() + SpinNanos(), [this, seen] { return signals_.load() != seen; });
      lock.lock();
      continue;
    }
    bool woke = cv_.wait_for(lock, kHoldLimit,
                             [this] { return !commands_.empty() || released_seq_ >= hold_seq_ || closed_.load(); });
    if (!woke) {
      released_seq_ = hold_seq_;
      break;
    }
  }
  draining_ = false;
  lock.unlock();
  // The writes go out once the JS task's commands have run (or the hold ended), as Qt's next turn
  // would send them: not after a batch that a held drain ran before the task's next command came,
  // which PyQt6 would find still buffered (write(); disconnectFromHost() leaves it Closing).
  std::vector<std::shared_ptr<Handle>> after;
  after.swap(after_commands_);
  for (auto& h : after) h->afterCommands();
  QtThread::endTurn();
}

bool CommandQueue::suspendDrain() {
  bool was;
  {
    std::lock_guard<std::mutex> lock(mu_);
    was = draining_;
    draining_ = false;
    drain_posted_ = false;  // one posted before may be queued behind us: post again, drains are idempotent
  }
  wake();
  return was;
}

void CommandQueue::resumeDrain(bool wasDraining) {
  std::lock_guard<std::mutex> lock(mu_);
  draining_ = wasDraining;
}

void CommandQueue::call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target) {
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::atomic<bool> doneFlag{false};  // read without the lock while spinning
  };
  auto w = std::make_shared<Wait>();
  // fn is only used while we wait below; if we give up waiting, the command must not run it.
  auto alive = std::make_shared<std::atomic<bool>>(true);
  const std::function<void()>* fnp = &fn;
  {
    std::lock_guard<std::mutex> lock(mu_);
    hold_seq_++;
    commands_.push_back({[w, alive, fnp] {
                           if (alive->load()) (*fnp)();
                           {
                             std::lock_guard<std::mutex> lock(w->m);
                             w->done = true;
                           }
                           // Outside the lock: a JS thread that saw the flag in its spin returns
                           // without taking the lock, and one woken takes it uncontended.
                           w->doneFlag.store(true, std::memory_order_release);
                           w->cv.notify_all();
                         },
                         std::move(target), true});
  }
  signals_++;
  wake();
  // A sync call takes a few microseconds on the Qt thread: spin for a while before sleeping.
  if (int64_t spin = SpinNanos())
    if (SpinUntil(NowNanos() + spin, [&w] { return w->doneFlag.load(std::memory_order_acquire); })) return;
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

}  // namespace qtn
