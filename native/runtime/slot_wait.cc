#include "runtime/slot_wait.h"

#include <QCoreApplication>
#include <QTimer>

#include "runtime/handle.h"

namespace qtn {

FreezeIo::FreezeIo(QObject* root) {
  if (!root) return;
  for (QSocketNotifier* n : root->findChildren<QSocketNotifier*>()) {
    if (!n->isEnabled()) continue;
    n->setEnabled(false);
    frozen_.emplace_back(n);
  }
}

FreezeIo::~FreezeIo() {
  for (auto& n : frozen_)
    if (n) n->setEnabled(true);
}

void SlotWait::defer(std::function<void()> fn, bool cancelsWait) {
  deferred_.push_back(std::move(fn));
  if (cancelsWait && waiting_) stop();
}

std::shared_ptr<SlotAnswer> SlotWait::wait(Handle& h, const std::function<Event(uint32_t serial)>& ask) {
  Runtime& rt = *h.channel();
  if (waiting_) {  // asked again from inside its own wait: JS hears of it, Qt goes on unanswered
    rt.push(ask(0));
    return nullptr;
  }
  uint32_t serial = ++serial_;
  Event question = ask(serial);
  answer_.reset();
  depth_++;
  waiting_ = true;
  rt.waitForAnswer(std::move(question), *this);
  waiting_ = false;
  stop_ = nullptr;
  depth_--;
  serial_++;  // a late answer to this wait is dropped
  if (!deferred_.empty() && depth_ == 0) {
    // Qt is still inside its emission: run what waited once it has returned to its event loop.
    auto self = h.shared_from_this();
    QTimer::singleShot(0, QCoreApplication::instance(), [self] { self->wait_->runDeferred(); });
  }
  return std::move(answer_);
}

void SlotWait::answer(uint32_t serial, std::shared_ptr<SlotAnswer> a) {
  if (serial != serial_ || !waiting_) return;
  answer_ = std::move(a);
  stop();
}

void SlotWait::runDeferred() {
  // One at a time from the front, so that commands deferred meanwhile stay behind the earlier ones.
  while (!deferred_.empty() && depth_ == 0) {
    std::function<void()> fn = std::move(deferred_.front());
    deferred_.erase(deferred_.begin());
    fn();  // may start another wait: then its end runs the rest
  }
}

}  // namespace qtn
