#include "runtime/uv_dispatcher.h"

#include <poll.h>

#include <QCoreApplication>
#include <QDebug>
#include <QEvent>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <chrono>
#include <vector>

namespace qtn {

namespace {

int64_t NowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Qt's timer types, as QTimerInfoList treats them in spirit: a very coarse timer has whole
// seconds; the others fire at their interval.
qint64 EffectiveInterval(qint64 interval, Qt::TimerType type) {
  if (type == Qt::VeryCoarseTimer) return std::max<qint64>(1000, (interval + 500) / 1000 * 1000);
  return interval;
}

}  // namespace

struct UvEventDispatcher::Watch {
  uv_poll_t poll;
  int fd;
  QSocketNotifier* read = nullptr;
  QSocketNotifier* write = nullptr;
  QSocketNotifier* exception = nullptr;
  int events = 0;      // what its notifiers ask for now
  int started = 0;     // what libuv watches (set before the loop next polls: applyWatches)
  bool dirty = false;  // in dirty_
};

UvEventDispatcher::UvEventDispatcher(uv_loop_t* loop, Hooks hooks) : loop_(loop), hooks_(std::move(hooks)) {
  wake_ = new uv_async_t;
  uv_async_init(loop_, wake_, onAsync);
  wake_->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(wake_));
  timer_ = new uv_timer_t;
  uv_timer_init(loop_, timer_);
  timer_->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(timer_));
  prepare_ = new uv_prepare_t;
  uv_prepare_init(loop_, prepare_);
  prepare_->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(prepare_));
  open_handles_ = 3;
}

UvEventDispatcher::~UvEventDispatcher() {
  // Deleted by Qt when the thread ends, after detach() closed the handles (their memory is freed
  // by their close callbacks). Not detached: the loop is gone with the thread, nothing to close.
}

void UvEventDispatcher::setRef(bool ref) {
  if (detached_) return;
  if (ref)
    uv_ref(reinterpret_cast<uv_handle_t*>(wake_));
  else
    uv_unref(reinterpret_cast<uv_handle_t*>(wake_));
}

void UvEventDispatcher::armBeforePoll() {
  if (detached_ || prepare_armed_) return;
  prepare_armed_ = true;
  uv_prepare_start(prepare_, onPrepare);
}

void UvEventDispatcher::closeHandle(uv_handle_t* h) {
  h->data = this;
  uv_close(h, [](uv_handle_t* handle) {
    auto* self = static_cast<UvEventDispatcher*>(handle->data);
    if (handle->type == UV_POLL)
      delete reinterpret_cast<Watch*>(reinterpret_cast<char*>(handle) - offsetof(Watch, poll));
    else if (handle->type == UV_ASYNC)
      delete reinterpret_cast<uv_async_t*>(handle);
    else if (handle->type == UV_TIMER)
      delete reinterpret_cast<uv_timer_t*>(handle);
    else
      delete reinterpret_cast<uv_prepare_t*>(handle);
    if (--self->open_handles_ == 0 && self->on_closed_) {
      auto done = std::move(self->on_closed_);
      done();
    }
  });
}

void UvEventDispatcher::detach(std::function<void()> done) {
  if (detached_) return;
  detached_ = true;
  on_closed_ = std::move(done);
  for (auto& [fd, w] : watches_) closeHandle(reinterpret_cast<uv_handle_t*>(&w->poll));
  watches_.clear();
  timers_.clear();
  deadlines_.clear();
  closeHandle(reinterpret_cast<uv_handle_t*>(wake_));
  closeHandle(reinterpret_cast<uv_handle_t*>(timer_));
  closeHandle(reinterpret_cast<uv_handle_t*>(prepare_));
}

// --- Socket notifiers: one uv_poll per descriptor, watching what its enabled notifiers ask for ---

void UvEventDispatcher::registerSocketNotifier(QSocketNotifier* n) {
  if (detached_) return;
  int fd = int(n->socket());
  Watch*& w = watches_[fd];
  if (!w) {
    w = new Watch;
    w->fd = fd;
    if (int rc = uv_poll_init(loop_, &w->poll, fd); rc != 0) {
      // The notifier will never fire: say so, as Qt's own dispatcher does when it cannot watch.
      qWarning("QSocketNotifier: cannot watch descriptor %d: %s", fd, uv_strerror(rc));
      delete w;
      watches_.erase(fd);
      return;
    }
    w->poll.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&w->poll));
    open_handles_++;
  }
  switch (n->type()) {
    case QSocketNotifier::Read:
      w->read = n;
      break;
    case QSocketNotifier::Write:
      w->write = n;
      break;
    case QSocketNotifier::Exception:
      w->exception = n;
      break;
  }
  updateWatch(fd);
}

void UvEventDispatcher::unregisterSocketNotifier(QSocketNotifier* n) {
  auto it = watches_.find(int(n->socket()));
  if (it == watches_.end()) return;
  Watch* w = it->second;
  if (w->read == n) w->read = nullptr;
  if (w->write == n) w->write = nullptr;
  if (w->exception == n) w->exception = nullptr;
  updateWatch(w->fd);
}

void UvEventDispatcher::updateWatch(int fd) {
  auto it = watches_.find(fd);
  if (it == watches_.end()) return;
  Watch* w = it->second;
  int events = (w->read ? UV_READABLE : 0) | (w->write ? UV_WRITABLE : 0) | (w->exception ? UV_PRIORITIZED : 0);
  if (events == 0) {
    // No notifier left: the descriptor may be closed and its number reused, so the handle goes.
    // uv_close stops the poll at once (a uv_poll_stop before it made libuv's epoll_ctl twice).
    watches_.erase(it);
    closeHandle(reinterpret_cast<uv_handle_t*>(&w->poll));
    return;
  }
  w->events = events;
  // Applied before the loop next polls, not now: Qt turns a socket's write notifier on for a write
  // and off once the flush has sent it, within one task, and each uv_poll_start costs libuv one or
  // two epoll_ctl calls at its next poll (8.7% of the CPU of the ping bench).
  if (events == w->started || w->dirty) return;
  w->dirty = true;
  dirty_.push_back(fd);
  armBeforePoll();
}

void UvEventDispatcher::applyWatches() {
  std::vector<int> due;
  due.swap(dirty_);
  for (int fd : due) {
    auto it = watches_.find(fd);
    if (it == watches_.end()) continue;  // closed meanwhile (and maybe its number reused: then dirty again)
    Watch* w = it->second;
    w->dirty = false;
    if (w->events == w->started) continue;
    w->started = w->events;
    uv_poll_start(&w->poll, w->events, onPoll);
  }
}

void UvEventDispatcher::activate(int fd, int uvEvents) {
  // Each notifier is looked up again before it is sent its event: the one before may have
  // disabled or deleted it (a read that closes the socket).
  const QSocketNotifier::Type order[] = {QSocketNotifier::Read, QSocketNotifier::Write, QSocketNotifier::Exception};
  for (QSocketNotifier::Type type : order) {
    auto it = watches_.find(fd);
    if (it == watches_.end()) return;
    Watch* w = it->second;
    QSocketNotifier* n = nullptr;
    if (type == QSocketNotifier::Read && (uvEvents & (UV_READABLE | UV_DISCONNECT))) n = w->read;
    if (type == QSocketNotifier::Write && (uvEvents & UV_WRITABLE)) n = w->write;
    if (type == QSocketNotifier::Exception && (uvEvents & UV_PRIORITIZED)) n = w->exception;
    if (!n) continue;
    QEvent event(QEvent::SockAct);
    QCoreApplication::sendEvent(n, &event);
  }
}

void UvEventDispatcher::onPoll(uv_poll_t* h, int status, int events) {
  auto* self = static_cast<UvEventDispatcher*>(h->data);
  Watch* w = reinterpret_cast<Watch*>(reinterpret_cast<char*>(h) - offsetof(Watch, poll));
  if (self->detached_) return;
  // An error on the descriptor (EBADF...): let its notifiers find out, as poll(2) reports it.
  if (status < 0) events = w->started;
  self->hooks_.enter();
  self->activate(w->fd, events);
  self->sendPosted();
  self->hooks_.leave();
}

// --- Timers: Qt's timers in deadline order; one uv_timer for the soonest ---

void UvEventDispatcher::registerTimer(int id, qint64 interval, Qt::TimerType type, QObject* object) {
  if (detached_) return;
  unregisterTimer(id);
  int64_t deadline = NowMs() + EffectiveInterval(interval, type);
  timers_[id] = Timer{interval, type, object, deadline};
  deadlines_.insert({deadline, id});
  armTimer();
}

bool UvEventDispatcher::unregisterTimer(int id) {
  auto it = timers_.find(id);
  if (it == timers_.end()) return false;
  deadlines_.erase({it->second.deadline, id});
  timers_.erase(it);
  return true;
}

bool UvEventDispatcher::unregisterTimers(QObject* object) {
  bool any = false;
  for (auto it = timers_.begin(); it != timers_.end();) {
    if (it->second.object == object) {
      deadlines_.erase({it->second.deadline, it->first});
      it = timers_.erase(it);
      any = true;
    } else {
      ++it;
    }
  }
  return any;
}

QList<QAbstractEventDispatcher::TimerInfo> UvEventDispatcher::registeredTimers(QObject* object) const {
  QList<TimerInfo> list;
  for (const auto& [id, t] : timers_)
    if (t.object == object) list.append(TimerInfo(id, int(t.interval), t.type));
  return list;
}

int UvEventDispatcher::remainingTime(int id) {
  auto it = timers_.find(id);
  if (it == timers_.end()) return -1;
  return int(std::max<int64_t>(0, it->second.deadline - NowMs()));
}

void UvEventDispatcher::armTimer() {
  if (detached_) return;
  if (deadlines_.empty()) {
    uv_timer_stop(timer_);
    return;
  }
  int64_t wait = std::max<int64_t>(0, deadlines_.begin()->first - NowMs());
  // libuv runs, in one pass, every timer due at the loop's time, which stays still during the
  // pass: re-armed for 0 ms from its own callback (a repeating 0 ms QTimer), ours would run again
  // at once, for ever, and nothing else would. 1 ms lets the loop turn, as Qt runs a zero timer
  // once per pass of its loop.
  if (wait == 0 && in_timer_callback_) wait = 1;
  uv_timer_start(timer_, onTimer, uint64_t(wait), 0);
}

bool UvEventDispatcher::fireTimers() {
  int64_t now = NowMs();
  // Those due now, fired in deadline order; each is re-armed before its event, so that the
  // handler may stop or restart it. One that fires inside its own handler (a nested loop) waits.
  std::vector<int> due;
  for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= now; ++it) due.push_back(it->second);
  bool any = false;
  for (int id : due) {
    auto it = timers_.find(id);
    if (it == timers_.end() || it->second.firing) continue;
    Timer& t = it->second;
    deadlines_.erase({t.deadline, id});
    qint64 interval = EffectiveInterval(t.interval, t.type);
    t.deadline += interval;
    if (t.deadline <= now) t.deadline = now + interval;
    deadlines_.insert({t.deadline, id});
    QObject* object = t.object;
    t.firing = true;
    QTimerEvent event(id);
    QCoreApplication::sendEvent(object, &event);
    any = true;
    auto again = timers_.find(id);  // the handler may have killed it (a single-shot timer does)
    if (again != timers_.end()) again->second.firing = false;
  }
  return any;
}

void UvEventDispatcher::onTimer(uv_timer_t* h) {
  auto* self = static_cast<UvEventDispatcher*>(h->data);
  if (self->detached_) return;
  self->in_timer_callback_ = true;
  self->hooks_.enter();
  self->fireTimers();
  self->sendPosted();
  self->hooks_.leave();
  self->armTimer();
  self->in_timer_callback_ = false;
}

// --- Posted events and wake-ups ---

bool UvEventDispatcher::sendPosted() {
  if (detached_) return false;
  // Posted events, then deleteLater()s made outside any event handler (Qt runs those only when
  // asked for them by type, at the loop level they were posted at: here, level 0).
  QCoreApplication::sendPostedEvents();
  QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
  armTimer();
  return true;
}

void UvEventDispatcher::wakeUp() {
  // Thread-safe; from the JS thread too (a queued call, a deleteLater).
  if (!detached_) uv_async_send(wake_);
}

void UvEventDispatcher::onAsync(uv_async_t* h) {
  auto* self = static_cast<UvEventDispatcher*>(h->data);
  if (self->detached_) return;
  self->hooks_.enter();
  self->sendPosted();
  self->hooks_.leave();
}

void UvEventDispatcher::onPrepare(uv_prepare_t* h) {
  auto* self = static_cast<UvEventDispatcher*>(h->data);
  self->prepare_armed_ = false;
  uv_prepare_stop(h);
  if (self->detached_) return;
  self->hooks_.enter();
  Q_EMIT self->aboutToBlock();
  self->hooks_.beforePoll();
  self->hooks_.leave();
  // Last: what ran just now may have turned notifiers on or off.
  if (!self->detached_) self->applyWatches();
  // Armed again by what ran just now (a slot that read, its acknowledgement for the next turn):
  // libuv runs prepare handles once per turn and leaves them out of the poll's timeout, so the
  // loop would sleep on that work until something else woke it (a flow-controlled reply stalled
  // for seconds, until a TCP zero-window probe). The async ends the coming poll at once.
  if (self->prepare_armed_ && !self->detached_) uv_async_send(self->wake_);
}

void UvEventDispatcher::interrupt() { interrupted_ = true; }

// A QEventLoop run on this thread (Qt's own nested waits): one turn of what Node's loop would do,
// with poll(2) standing in for libuv's wait, since libuv cannot be re-entered from its callbacks.
bool UvEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags) {
  if (detached_) return false;
  interrupted_ = false;
  Q_EMIT awake();
  bool did = sendPosted();
  did = fireTimers() || did;
  if (interrupted_) return did;
  int timeout = 0;
  if (!did && (flags & QEventLoop::WaitForMoreEvents)) {
    timeout = -1;
    if (!deadlines_.empty()) timeout = int(std::max<int64_t>(0, deadlines_.begin()->first - NowMs()));
  }
  if (!(flags & QEventLoop::ExcludeSocketNotifiers)) did = pollOnce(timeout) || did;
  return did;
}

bool UvEventDispatcher::pollOnce(int timeoutMs) {
  std::vector<pollfd> fds;
  for (const auto& [fd, w] : watches_) {
    short ev = 0;
    if (w->read) ev |= POLLIN;
    if (w->write) ev |= POLLOUT;
    if (w->exception) ev |= POLLPRI;
    fds.push_back({fd, ev, 0});
  }
  if (fds.empty() && timeoutMs < 0) return false;  // nothing could ever wake it: Qt's own loop would hang
  Q_EMIT aboutToBlock();
  int n = ::poll(fds.data(), nfds_t(fds.size()), timeoutMs);
  Q_EMIT awake();
  if (n <= 0) return fireTimers();
  for (const pollfd& p : fds) {
    if (!p.revents) continue;
    int events = 0;
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) events |= UV_READABLE;
    if (p.revents & (POLLOUT | POLLERR)) events |= UV_WRITABLE;
    if (p.revents & POLLPRI) events |= UV_PRIORITIZED;
    activate(p.fd, events);
  }
  return true;
}

}  // namespace qtn
