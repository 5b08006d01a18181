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
  dispatch_ = Napi::Persistent(dispatch);
  releaseBatchBuffer(env);  // the new copy has no view of it: the next batch sends a new one
  if (tsfn_open_) return false;
  tsfn_ = Napi::ThreadSafeFunction::New(env, dispatch, "qtnetwork-events", 0, 1);
  tsfn_.Unref(env);
  tsfn_open_ = true;
  return true;
}

void EventQueue::setRef(bool ref) {
  if (!tsfn_open_) return;
  Napi::Env env = dispatch_.Env();
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
  if (!dispatch_.IsEmpty()) releaseBatchBuffer(dispatch_.Env());
  dispatch_.Reset();
  std::lock_guard<std::mutex> lock(mu_);
  events_.clear();
}

void EventQueue::stopLazyTimer() {
  delete lazy_timer_;  // no event is pushed once closed
  lazy_timer_ = nullptr;
}

void EventQueue::push(Event&& e, bool lazy) {
  if (closed_.load()) return;
  bool wake = false, arm = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(std::move(e));
    if (!lazy) {
      wake = !wake_pending_;
      wake_pending_ = true;
      urgent_.store(true);
    } else {
      arm = !wake_pending_;
    }
  }
  if (wake) {
    if (spin_.spinning()) {
      if (QtThread::onQtThread()) QtSpinner::expectAnswer();  // JS takes them from its spin
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
      std::weak_ptr<Runtime> weak = owner_.shared_from_this();
      QObject::connect(lazy_timer_, &QTimer::timeout, lazy_timer_, [weak, this] {
        if (auto keep = weak.lock()) flushLazy();
      });
    }
    if (!lazy_timer_->isActive()) lazy_timer_->start(kLazyDelay);
  }
}

void EventQueue::flushLazy() {
  bool wake;
  {
    std::lock_guard<std::mutex> lock(mu_);
    wake = !events_.empty() && !wake_pending_;
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
  if (closed_.load() || dispatch_.IsEmpty()) return false;
  std::vector<Event> batch;
  {
    std::lock_guard<std::mutex> lock(mu_);
    batch.swap(events_);
    wake_pending_ = false;
    urgent_.store(false, std::memory_order_relaxed);
  }
  if (batch.empty()) return false;
  spin_.answerArrived();
  // Raw N-API from here on, every status checked: a worker being terminated cannot run JS, and
  // node-addon-api would turn that into a C++ exception thrown through Node's C frames, or build
  // an Error from V8's termination value, both of which abort the process. The batch is dropped.
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return false;
  if (!dispatchBatch(env, batch)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  napi_close_handle_scope(env, scope);
  return true;
}

void EventQueue::releaseBatchBuffer(napi_env env) {
  if (batch_buf_) napi_delete_reference(env, batch_buf_);
  batch_buf_ = nullptr;
  batch_data_ = nullptr;
  batch_cap_ = 0;
}

// A batch reaches JS as dispatch(count, buffer, payloads): the numbers of every event in a
// Float64Array over `buffer` (EventSlot::kCount per event, laid out as native/protocol.h says; `buffer` undefined when
// it is the one JS was last given), and `payloads`, indexed by event, only when some event has one (else null). Writing
// numbers into memory JS already holds costs a fraction of setting array elements through N-API,
// which was most of the JS thread's work per event.
bool EventQueue::dispatchBatch(napi_env env, std::vector<Event>& batch) {
  using protocol::EventSlot;
  constexpr size_t kEventSlots = EventSlot::kCount;
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
    slot[EventSlot::kHandle] = e.handle;
    slot[EventSlot::kKind] = e.kind;
    slot[EventSlot::kSeq] = e.seq;
    for (int j = 0; j < 4; j++) slot[EventSlot::kI0 + j] = e.i[j];
    for (int j = 0; j < 2; j++) slot[EventSlot::kD0 + j] = e.d[j];
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

}  // namespace qtn
