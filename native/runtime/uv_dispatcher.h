// Qt's event dispatcher on a JS thread's libuv loop (the loop runtime, runtime/loop_runtime.h):
// socket notifiers are uv_poll handles, Qt's timers one uv_timer, wake-ups (posted events, from
// any thread) a uv_async. Qt never blocks the JS thread in a poll of its own: Node's loop does
// the waiting, and calls in when a descriptor, a timer or a posted event is ready.
#pragma once

#include <uv.h>

#include <QAbstractEventDispatcher>

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

class QSocketNotifier;

namespace qtn {

class UvEventDispatcher : public QAbstractEventDispatcher {
 public:
  // What the runtime is told around every callback from libuv (Qt's code runs between them).
  struct Hooks {
    std::function<void()> enter;       // a callback from Node's loop begins: no JS is on the stack
    std::function<void()> leave;       // ... and ends
    std::function<void()> beforePoll;  // the loop is about to wait for I/O (uv_prepare)
  };

  // JS thread, before any QObject of ours exists on it.
  UvEventDispatcher(uv_loop_t* loop, Hooks hooks);
  ~UvEventDispatcher() override;

  // JS thread: keep Node's loop alive (an open socket...) or not. Qt's own handles never do.
  void setRef(bool ref);
  // JS thread: beforePoll runs before the loop next waits (armed until it has run).
  void armBeforePoll();
  // JS thread, when the environment closes: close every uv handle; `done` runs once libuv has
  // closed them all. Qt deletes this object itself when the thread ends (it owns a thread's
  // dispatcher); until then it dispatches nothing.
  void detach(std::function<void()> done);

  bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
  void registerSocketNotifier(QSocketNotifier* notifier) override;
  void unregisterSocketNotifier(QSocketNotifier* notifier) override;
  void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object) override;
  bool unregisterTimer(int timerId) override;
  bool unregisterTimers(QObject* object) override;
  QList<TimerInfo> registeredTimers(QObject* object) const override;
  int remainingTime(int timerId) override;
  void wakeUp() override;  // any thread
  void interrupt() override;

 private:
  struct Watch;  // one descriptor's uv_poll and its notifiers
  struct Timer {
    qint64 interval;
    Qt::TimerType type;
    QObject* object;
    int64_t deadline;  // ms, on Qt's monotonic clock
    bool firing = false;
  };

  void updateWatch(int fd);
  void applyWatches();
  void activate(int fd, int uvEvents);
  bool sendPosted();
  bool fireTimers();
  void armTimer();
  bool pollOnce(int timeoutMs);  // a nested QEventLoop's wait: poll(2) on our descriptors
  void closeHandle(uv_handle_t* h);

  static void onPoll(uv_poll_t* h, int status, int events);
  static void onTimer(uv_timer_t* h);
  static void onAsync(uv_async_t* h);
  static void onPrepare(uv_prepare_t* h);

  uv_loop_t* loop_;
  Hooks hooks_;
  bool detached_ = false;
  bool interrupted_ = false;
  int open_handles_ = 0;
  std::function<void()> on_closed_;

  uv_async_t* wake_;  // also what keeps the loop alive while referenced
  uv_timer_t* timer_;
  uv_prepare_t* prepare_;
  bool prepare_armed_ = false;
  bool in_timer_callback_ = false;  // onTimer is running (armTimer: no 0 ms re-arm then)

  std::unordered_map<int, Watch*> watches_;
  std::vector<int> dirty_;  // descriptors whose notifiers changed since the last applyWatches
  std::unordered_map<int, Timer> timers_;
  std::set<std::pair<int64_t, int>> deadlines_;  // (deadline, timer id), soonest first
};

}  // namespace qtn
