#include "runtime/event_queue.h"

#include <QObject>
#include <QTimer>

#include <algorithm>

#include "protocol.h"
#include "runtime/handle.h"
#include "runtime/qt_thread.h"
#include "runtime/spin.h"

namespace qtn {

namespace {
// The longest a lazy event (see push) waits for another event to carry it to JS.
constexpr int kLazyDelay = 1;  // ms
}  // namespace

bool EventQueue::open(Napi::Env env, Napi::Function dispatch) {
  // Opened again by a second copy of lib/ in this environment: the newest copy's function serves.
  batch_.open(env, dispatch);
  if (tsfn_open_) return false;
  tsfn_ = Napi::ThreadSafeFunction::New(env, dispatch, "qtnetwork-events", 0, 1);
  tsfn_.Unref(env);
  tsfn_open_ = true;
  return true;
}

void EventQueue::setRef(bool ref) {
  if (!tsfn_open_) return;
  Napi::Env env = batch_.env();
  if (ref)
    tsfn_.Ref(env);
  else
    tsfn_.Unref(env);
}

void EventQueue::close() {
  if (tsfn_open_) {
    tsfn_open_ = false;
    tsfn_.Abort();
  }
  batch_.close();
  std::lock_guard<std::mutex> lock(mu_);
  events_.clear();
}

void EventQueue::stopLazyTimer() {
  delete lazy_timer_;  // no event is pushed once closed
  lazy_timer_ = nullptr;
}

void EventQueue::push(Event&& e, bool lazy) {
  if (closed_.load()) return;
  bool onQt = QtThread::onQtThread();
  bool wake = false, arm = false, atEnd = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(std::move(e));
    if (!lazy && onQt) {
      // Held to the turn's end (QtThread::atTurnEnd): what else Qt emits meanwhile goes with it.
      atEnd = !turn_pending_ && !wake_pending_;
      turn_pending_ = true;
    } else if (!lazy) {
      wake = !wake_pending_;
      wake_pending_ = true;
      urgent_.store(true);
    } else {
      arm = !wake_pending_ && !turn_pending_;
    }
  }
  if (atEnd) {
    std::weak_ptr<Runtime> weak = owner_.shared_from_this();
    QtThread::atTurnEnd([weak, this] {
      if (auto keep = weak.lock()) endTurn();
    });
  } else if (wake) {
    wakeOrTell();
  } else if (arm && onQt) {
    // Lazy: it rides with the next event that wakes JS, or goes within kLazyDelay. A 64-byte
    // exchange is then one wake of the JS thread per direction, not two (bytesWritten, readyRead).
    if (!lazy_timer_) {
      lazy_timer_ = new QTimer();
      lazy_timer_->setSingleShot(true);
      lazy_timer_->setTimerType(Qt::PreciseTimer);
      std::weak_ptr<Runtime> weak = owner_.shared_from_this();
      QObject::connect(lazy_timer_, &QTimer::timeout, lazy_timer_, [weak, this] {
        if (auto keep = weak.lock()) flushLazy();
      });
    }
    if (!lazy_timer_->isActive()) lazy_timer_->start(kLazyDelay);
  }
}

void EventQueue::endTurn() {
  bool wake;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!turn_pending_) return;
    turn_pending_ = false;
    wake = !wake_pending_ && !closed_.load();
    wake_pending_ = true;
    urgent_.store(true);
  }
  if (wake) wakeOrTell();
}

void EventQueue::wakeOrTell() {
  if (spin_.spinning()) {
    if (QtThread::onQtThread()) QtSpinner::expectAnswer();  // JS takes them from its spin
  } else {
    wakeJs();
  }
}

void EventQueue::flushLazy() {
  bool wake;
  {
    std::lock_guard<std::mutex> lock(mu_);
    wake = !events_.empty() && !wake_pending_ && !turn_pending_;
    if (wake) {
      wake_pending_ = true;
      urgent_.store(true, std::memory_order_release);
    }
  }
  if (wake) wakeJs();
}

void EventQueue::wakeJs() {
  if (!tsfn_open_) return;
  if (QtThread::onQtThread()) QtSpinner::expectAnswer();
  auto self = owner_.shared_from_this();
  tsfn_.NonBlockingCall([self](Napi::Env env, Napi::Function) { self->deliver(env); });
}

bool EventQueue::deliver(Napi::Env env) {
  if (closed_.load() || !batch_.isOpen()) return false;
  std::vector<Event> batch;
  {
    std::lock_guard<std::mutex> lock(mu_);
    batch.swap(events_);
    wake_pending_ = false;
    turn_pending_ = false;  // taken already: the turn's end has nothing to send
    urgent_.store(false, std::memory_order_relaxed);
  }
  if (batch.empty()) return false;
  spin_.answerArrived();
  // Raw N-API from here on, every status checked: a worker being terminated cannot run JS, and
  // node-addon-api would turn that into a C++ exception thrown through Node's C frames, or build
  // an Error from V8's termination value, both of which abort the process. The batch is dropped.
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return false;
  if (!batch_.dispatch(env, batch, closed_)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  napi_close_handle_scope(env, scope);
  return true;
}

}  // namespace qtn
