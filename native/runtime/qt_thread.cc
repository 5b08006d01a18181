#include "runtime/qt_thread.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QtGlobal>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

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

int app_argc = 1;
char app_name[] = "qtnetwork";
char* app_argv[] = {app_name, nullptr};

void run() {
  // libproxy's system configuration is Qt's default on Debian; we keep it (parity with PyQt6).
  QCoreApplication app(app_argc, app_argv);
  QObject ctx;
  {
    std::lock_guard<std::mutex> lock(mu);
    context = &ctx;
    qt_thread_id = std::this_thread::get_id();
  }
  started_cv.notify_all();
  app.exec();
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

void stopAtExit() {
  // Fallback for an exit that skipped the 'exit' event: a joinable std::thread at static
  // destruction would std::terminate.
  std::unique_lock<std::mutex> lock(mu);
  shut_down = true;
  stopAndJoin(lock);
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
  return true;
}

bool QtThread::running() {
  std::lock_guard<std::mutex> lock(mu);
  return context != nullptr && !stopping;
}

bool QtThread::onQtThread() {
  return std::this_thread::get_id() == qt_thread_id;
}

void QtThread::setBeforeStop(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mu);
  before_stop = std::move(fn);
}

}  // namespace qtn
