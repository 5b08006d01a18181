#include "runtime/qt_thread.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QtGlobal>

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

// Qt thread only: see QtThread::beforePoll. Never destroyed: a Qt thread parked at exit keeps it.
std::vector<std::function<void()>>& before_poll = *new std::vector<std::function<void()>>();
// Qt thread only: see QtThread::atTurnEnd. Never destroyed, as before_poll.
std::vector<std::function<void()>>& turn_end = *new std::vector<std::function<void()>>();

void runBeforePoll() {
  if (!before_poll.empty()) {
    std::vector<std::function<void()>> due;
    due.swap(before_poll);
    for (auto& fn : due) fn();
  }
  QtThread::endTurn();
}

// Connected to the dispatcher's aboutToBlock: runs on the Qt thread when it has nothing left to do
// and would poll (sleep, unless the spinner keeps it polling).
void aboutToBlock() {
  runBeforePoll();
  QtSpinner::aboutToBlock();
  // JS's commands handed to the spinner ran just now, after the functions above: what they queued
  // (a close()'s Endpoint refresh, which JS waits for before the process may exit) runs before Qt
  // polls, which may sleep until something else wakes it.
  runBeforePoll();
}

int app_argc = 1;
char app_name[] = "qtnetwork";
char* app_argv[] = {app_name, nullptr};

void run() {
  // libproxy's system configuration is Qt's default on Debian; we keep it (parity with PyQt6).
  QCoreApplication app(app_argc, app_argv);
  QObject ctx;
  QtSpinner::attach(&ctx);
  QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, &ctx, aboutToBlock,
                   Qt::DirectConnection);
  {
    std::lock_guard<std::mutex> lock(mu);
    context = &ctx;
    qt_thread_id = std::this_thread::get_id();
  }
  started_cv.notify_all();
  app.exec();
  QtSpinner::detach();
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
  SpinNanos();  // QTNETWORK_SPIN_US is read before the Qt thread starts
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
  QtSpinner::posted();  // after: a spinning Qt thread finds it queued
  return true;
}

void QtThread::beforePoll(std::function<void()> fn) { before_poll.push_back(std::move(fn)); }

void QtThread::atTurnEnd(std::function<void()> fn) { turn_end.push_back(std::move(fn)); }

void QtThread::endTurn() {
  if (turn_end.empty()) return;
  std::vector<std::function<void()>> due;
  due.swap(turn_end);
  for (auto& fn : due) fn();
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
