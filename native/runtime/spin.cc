#include "runtime/spin.h"

#include <QAbstractEventDispatcher>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace qtn {

int64_t NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int64_t SpinNanos() {
  static const int64_t nanos = [] {
    const char* env = std::getenv("QTNETWORK_SPIN_US");
    long us = env && *env ? std::strtol(env, nullptr, 10) : 50;
    return int64_t(std::clamp<long>(us, 0, 10000)) * 1000;
  }();
  return nanos;
}

// --- JS thread ---

// Spinning for Qt's answer pays when answers come (a request/response exchange) and wastes the
// JS thread's time when they don't (a sender): after a few misses in a row it stops, and tries
// again once in a while. After a task that asked something (sent commands), how long to spin is
// learnt: answers that came later than the window, but within kSpinStretch windows, widen it to
// cover them (a peer in another process, ~70 µs away, is answered without a wake-up); answers that
// come sooner narrow it back. After a task that only took events, the wait is the base one: a
// stream's next chunk is no answer, and waiting out its gaps would keep a core busy.
constexpr int64_t kSpinStretch = 4;

bool AnswerSpin::awaitAnswer(bool asked, const std::atomic<bool>& answered) {
  int64_t base = SpinNanos();
  if (base == 0) return false;
  if (credit_ <= 0 && (++skipped_ % 64) != 0) return false;
  int64_t spin = asked ? std::clamp<int64_t>(answer_nanos_ + answer_nanos_ / 2, base, kSpinStretch * base) : base;
  int64_t start = NowNanos();
  // While spinning_ is set, the Qt thread leaves the ThreadSafeFunction alone (a wake-up JS would
  // take later, for nothing). Both sides store then load (sequentially consistent): either the Qt
  // thread sees that we stopped spinning and wakes us, or we see its events here.
  spinning_.store(true);
  bool came = SpinUntil(start + spin, [&answered] { return answered.load(); });
  spinning_.store(false);
  if (!came) came = answered.load();
  if (came) {
    credit_ = 4;
    if (asked) learn(NowNanos() - start);
  } else {
    if (credit_ > 0) credit_--;
    if (asked) waiting_since_ = start;  // answerArrived() learns when the answer came
  }
  return came;
}

void AnswerSpin::answerArrived() {
  if (!waiting_since_) return;
  // An answer that missed the spin: if a wider window would have caught it, learn it.
  int64_t late = NowNanos() - waiting_since_;
  waiting_since_ = 0;
  if (late < kSpinStretch * SpinNanos()) {
    learn(late);
    credit_ = 4;
  }
}

void AnswerSpin::learn(int64_t nanos) { answer_nanos_ += (nanos - answer_nanos_) / 4; }

// --- Qt thread ---

namespace {

// Posts so far, and until when to spin (0: not now).
std::atomic<uint64_t> posts{0};
std::atomic<int64_t> spin_until{0};

// Work handed straight to a spinning Qt thread (QtSpinner::handTo), guarded by spin_mu.
std::mutex spin_mu;
bool spinner_waiting = false;
std::vector<std::function<void()>> handed;
std::atomic<bool> work_handed{false};
std::atomic<uint64_t> pokes{0};  // see QtSpinner::poke

// While the spin window is open, this zero-interval timer keeps Qt's poll() from blocking: the
// thread spins in short slices (aboutToBlock) between polls that take in socket I/O, so neither
// JS's answer nor a peer's bytes wait for a wake-up.
QTimer* keep_polling = nullptr;
constexpr int64_t kSliceNanos = 10000;

}  // namespace

void QtSpinner::attach(QObject* context) {
  keep_polling = new QTimer(context);
  keep_polling->setInterval(0);
  QObject::connect(keep_polling, &QTimer::timeout, context, [] {
    if (NowNanos() >= spin_until.load(std::memory_order_relaxed)) keep_polling->stop();
  });
}

void QtSpinner::detach() { keep_polling = nullptr; }

void QtSpinner::aboutToBlock() {
  int64_t until = spin_until.load(std::memory_order_relaxed);
  if (until == 0) return;
  int64_t now = NowNanos();
  if (now >= until) {
    spin_until.store(0, std::memory_order_relaxed);
    keep_polling->stop();
    return;
  }
  uint64_t seen = posts.load(std::memory_order_acquire);
  {
    std::lock_guard<std::mutex> lock(spin_mu);
    spinner_waiting = true;
  }
  uint64_t poked = pokes.load(std::memory_order_acquire);
  SpinUntil(std::min(until, now + kSliceNanos), [seen, poked] {
    return work_handed.load(std::memory_order_acquire) || posts.load(std::memory_order_acquire) != seen ||
           pokes.load(std::memory_order_acquire) != poked;
  });
  std::vector<std::function<void()>> work;
  {
    std::lock_guard<std::mutex> lock(spin_mu);
    spinner_waiting = false;
    work.swap(handed);
    work_handed.store(false, std::memory_order_relaxed);
  }
  if (!work.empty() || posts.load(std::memory_order_acquire) != seen) {
    // Answered: what it leads to opens the next window (expectAnswer).
    spin_until.store(0, std::memory_order_relaxed);
    keep_polling->stop();
  } else if (!keep_polling->isActive()) {
    keep_polling->start();
  }
  // Run here, before Qt polls: what they start (socket writes, timers, posted events) is seen by
  // the poll that follows.
  for (auto& fn : work) fn();
}

void QtSpinner::expectAnswer() {
  if (int64_t ns = SpinNanos()) spin_until.store(NowNanos() + ns, std::memory_order_relaxed);
}

void QtSpinner::posted() { posts.fetch_add(1, std::memory_order_release); }

bool QtSpinner::handTo(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(spin_mu);
  if (!spinner_waiting) return false;
  handed.push_back(std::move(fn));
  work_handed.store(true, std::memory_order_release);
  return true;
}

void QtSpinner::poke() { pokes.fetch_add(1, std::memory_order_release); }

}  // namespace qtn
