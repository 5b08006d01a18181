// The event queue of the thread runtime: Qt -> JS. Events are batched: the Qt thread queues them
// and wakes the JS thread once per batch (one ThreadSafeFunction call), which hands the whole
// batch to JS in one call; lazy events wait for a batch that goes anyway.
#pragma once

#include <napi.h>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

#include "runtime/event_batch.h"
#include "runtime/runtime.h"

class QTimer;

namespace qtn {

class AnswerSpin;

class EventQueue {
 public:
  // `owner` is kept alive while a wake-up is on its way; `closed` is the owner's: once set, nothing
  // more is queued or delivered. `spin`: while JS spins for events, it needs no wake-up.
  EventQueue(Runtime& owner, const std::atomic<bool>& closed, AnswerSpin& spin)
      : owner_(owner), closed_(closed), spin_(spin) {}

  // JS thread: deliver to `dispatch` from now on. Returns true the first time (the wake-up path
  // is made then), false when a second copy of lib/ opens it again (its dispatch serves then).
  bool open(Napi::Env env, Napi::Function dispatch);
  // JS thread: stop delivering; drop what is queued.
  void close();
  // JS thread: whether a pending wake-up keeps Node's event loop alive.
  void setRef(bool ref);

  // Qt thread (any thread): queue an event; wakes JS once per batch. On the Qt thread, once the
  // turn that emitted it ends (QtThread::atTurnEnd), so that what Qt emits together crosses
  // together. A `lazy` event does not wake JS itself; it goes with the next event that does, or
  // within a millisecond, so the state it carries is never stale for long.
  void push(Event&& e, bool lazy);
  // JS thread: dispatch what is queued now. Returns whether a batch went to JS.
  bool deliver(Napi::Env env);
  // Set while events that wake JS are queued (not only lazy ones): what a spinning JS waits for.
  const std::atomic<bool>& urgent() const { return urgent_; }
  // Qt thread: the environment's objects are going: so does the lazy events' timer.
  void stopLazyTimer();

 private:
  void wakeJs();      // any thread
  void wakeOrTell();  // any thread: wake JS, or let its spin see the events
  void flushLazy();   // Qt thread
  void endTurn();     // Qt thread: the turn that queued events ended

  Runtime& owner_;
  const std::atomic<bool>& closed_;
  AnswerSpin& spin_;

  std::mutex mu_;
  std::vector<Event> events_;
  bool wake_pending_ = false;
  bool turn_pending_ = false;  // events wait for the Qt thread's turn to end
  std::atomic<bool> urgent_{false};
  QTimer* lazy_timer_ = nullptr;  // Qt thread only

  Napi::ThreadSafeFunction tsfn_;
  bool tsfn_open_ = false;
  EventBatch batch_;  // JS thread
};

}  // namespace qtn
