#include "runtime/qt_thread.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QTimer>
#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

#if QT_VERSION < QT_VERSION_CHECK(6, 4, 0)
#error "qtnetwork needs Qt 6.4 or newer (Debian/Ubuntu: apt-get install qt6-base-dev)"
#endif

namespace qtn {
namespace {

// All of it guarded by mu. `context` is the receiver of posted functors; it lives on the Qt thread.
std::mutex mu;
std::condition_variable started_cv;
std::thread thread;
QObject* context = nullptr;
std::thread::id qt_thread_id;
int users = 0;
bool stopping = false;
bool shut_down = false;
bool atexit_registered = false;
std::function<void()> before_stop;

// Spinning (see QtThread::expectAnswer): posts so far, and until when to spin (0: not now).
std::atomic<uint64_t> posted{0};
std::atomic<int64_t> spin_until{0};
int64_t spin_nanos = -1;  // set from the environment before the Qt thread starts

// Work handed straight to a spinning Qt thread (QtThread::postToSpinner), guarded by spin_mu.
std::mutex spin_mu;
bool spinner_waiting = false;
std::vector<std::function<void()>> handed;
std::atomic<bool> work_handed{false};
std::atomic<uint64_t> pokes{0};  // see QtThread::poke
// Qt thread only: see QtThread::beforePoll. Never destroyed: a Qt thread parked at exit keeps it.
std::vector<std::function<void()>>& before_poll = *new std::vector<std::function<void()>>();

// While the spin window is open, this zero-interval timer keeps Qt's poll() from blocking: the
// thread spins in short slices (spinForWork) between polls that take in socket I/O, so neither
// JS's answer nor a peer's bytes wait for a wake-up.
QTimer* keep_polling = nullptr;
constexpr int64_t kSliceNanos = 10000;

// Connected to the dispatcher's aboutToBlock: runs on the Qt thread when it has nothing left to do
// and would poll (sleep, unless keep_polling runs).
void spinForWork() {
  if (!before_poll.empty()) {
    std::vector<std::function<void()>> due;
    due.swap(before_poll);
    for (auto& fn : due) fn();
  }
  int64_t until = spin_until.load(std::memory_order_relaxed);
  if (until == 0) return;
  int64_t now = NowNanos();
  if (now >= until) {
    spin_until.store(0, std::memory_order_relaxed);
    keep_polling->stop();
    return;
  }
  uint64_t seen = posted.load(std::memory_order_acquire);
  {
    std::lock_guard<std::mutex> lock(spin_mu);
    spinner_waiting = true;
  }
  uint64_t poked = pokes.load(std::memory_order_acquire);
  SpinUntil(std::min(until, now + kSliceNanos), [seen, poked] {
    return work_handed.load(std::memory_order_acquire) || posted.load(std::memory_order_acquire) != seen ||
           pokes.load(std::memory_order_acquire) != poked;
  });
  std::vector<std::function<void()>> work;
  {
    std::lock_guard<std::mutex> lock(spin_mu);
    spinner_waiting = false;
    work.swap(handed);
    work_handed.store(false, std::memory_order_relaxed);
  }
  if (!work.empty() || posted.load(std::memory_order_acquire) != seen) {
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

int app_argc = 1;
char app_name[] = "qtnetwork";
char* app_argv[] = {app_name, nullptr};

void run() {
  // libproxy's system configuration is Qt's default on Debian; we keep it (parity with PyQt6).
  QCoreApplication app(app_argc, app_argv);
  QObject ctx;
  QTimer polling;
  polling.setInterval(0);
  keep_polling = &polling;
  QObject::connect(&polling, &QTimer::timeout, &ctx, [] {
    if (NowNanos() >= spin_until.load(std::memory_order_relaxed)) keep_polling->stop();
  });
  QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, &ctx, spinForWork,
                   Qt::DirectConnection);
  {
    std::lock_guard<std::mutex> lock(mu);
    context = &ctx;
    qt_thread_id = std::this_thread::get_id();
  }
  started_cv.notify_all();
  app.exec();
  keep_polling = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  context = nullptr;
}

// Runs on the JS thread that stops us; the caller holds no lock.
void stopAndJoin(std::unique_lock<std::mutex>& lock) {
  if (!thread.joinable()) return;
  stopping = true;
  QObject* ctx = context;
  std::function<void()> hook = before_stop;
  lock.unlock();
  if (ctx) {
    QMetaObject::invokeMethod(
        ctx,
        [hook] {
          if (hook) hook();
          QCoreApplication::quit();
        },
        Qt::QueuedConnection);
  }
  thread.join();
  lock.lock();
  stopping = false;
}

// Fallback for an exit that skipped the 'exit' event (process.reallyExit; a test runner's sandboxed
// `process`, whose 'exit' never fires). exit() has already run the static destructors registered
// after this handler, Qt's lazily made globals among them: destroying Qt's objects now would use
// them (seen: a segfault on every such exit). So the Qt thread is parked inside a functor of ours,
// where it touches nothing of Qt's, and detached (a joinable std::thread at static destruction would
// std::terminate); the process ends around it.
void stopAtExit() {
  std::unique_lock<std::mutex> lock(mu);
  shut_down = true;
  if (!thread.joinable()) return;
  stopping = true;
  // Never destroyed: static destruction must not wait on the parked thread (a condition variable's
  // destructor waits for its waiters).
  struct Park {
    std::mutex m;
    std::condition_variable cv;
    bool parked = false;
  };
  auto* park = new Park;
  if (QObject* ctx = context) {
    QMetaObject::invokeMethod(
        ctx,
        [park] {
          {
            std::lock_guard<std::mutex> l(park->m);
            park->parked = true;
          }
          park->cv.notify_all();
          for (;;) std::this_thread::sleep_for(std::chrono::hours(1));  // until the process is gone
        },
        Qt::QueuedConnection);
    lock.unlock();
    // Bounded: a Qt thread stuck elsewhere (a SOCKS5 BIND waits up to 5 s) is left as it is.
    std::unique_lock<std::mutex> l(park->m);
    park->cv.wait_for(l, std::chrono::seconds(6), [park] { return park->parked; });
    lock.lock();
  }
  thread.detach();
}

}  // namespace

void QtThread::shutdown() {
  std::unique_lock<std::mutex> lock(mu);
  shut_down = true;
  stopAndJoin(lock);
}

void QtThread::acquire() {
  std::unique_lock<std::mutex> lock(mu);
  users++;
  if (thread.joinable() || shut_down) return;
  if (!atexit_registered) {
    atexit_registered = true;
    std::atexit(stopAtExit);
  }
  if (spin_nanos < 0) {
    const char* env = std::getenv("QTNETWORK_SPIN_US");
    long us = env && *env ? std::strtol(env, nullptr, 10) : 50;
    spin_nanos = std::clamp<long>(us, 0, 10000) * 1000;
  }
  thread = std::thread(run);
  started_cv.wait(lock, [] { return context != nullptr; });
}

void QtThread::release() {
  std::unique_lock<std::mutex> lock(mu);
  if (--users > 0) return;
  stopAndJoin(lock);
}

bool QtThread::post(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mu);
  if (!context || stopping || shut_down) return false;
  // Thread-safe: posts a QMetaCallEvent to the Qt thread's queue, FIFO with earlier posts.
  QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
  posted.fetch_add(1, std::memory_order_release);  // after: a spinning Qt thread finds it queued
  return true;
}

bool QtThread::postToSpinner(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!context || stopping || shut_down) return false;
  }
  std::lock_guard<std::mutex> lock(spin_mu);
  if (!spinner_waiting) return false;
  handed.push_back(std::move(fn));
  work_handed.store(true, std::memory_order_release);
  return true;
}

void QtThread::beforePoll(std::function<void()> fn) { before_poll.push_back(std::move(fn)); }

void QtThread::poke() { pokes.fetch_add(1, std::memory_order_release); }

int64_t NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int64_t QtThread::spinNanos() { return spin_nanos; }

void QtThread::expectAnswer() {
  if (int64_t ns = spinNanos()) spin_until.store(NowNanos() + ns, std::memory_order_relaxed);
}

bool QtThread::running() {
  std::lock_guard<std::mutex> lock(mu);
  return context != nullptr && !stopping;
}

bool QtThread::onQtThread() { return std::this_thread::get_id() == qt_thread_id; }

void QtThread::setBeforeStop(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mu);
  before_stop = std::move(fn);
}

}  // namespace qtn
