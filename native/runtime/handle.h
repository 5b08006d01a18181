// The Qt-thread half of a JS object (a socket, a server): its id, the runtime it belongs to, its
// slot-answer wait; and the registry of an environment's handles.
#pragma once

#include <napi.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "runtime/live_count.h"
#include "runtime/runtime.h"
#include "runtime/slot_wait.h"

namespace qtn {

// Owned jointly by its runtime's registry and its JS wrapper; its QObject is created and destroyed
// on the Qt thread only.
class Handle : public std::enable_shared_from_this<Handle> {
 public:
  explicit Handle(std::shared_ptr<Runtime> channel);
  virtual ~Handle() { LiveCount::handles.fetch_sub(1, std::memory_order_relaxed); }
  uint32_t id() const { return id_; }
  // The runtime this handle's commands and events go through.
  const std::shared_ptr<Runtime>& channel() const { return channel_; }
  // Qt thread: delete the QObject. `emitSignals`: forward what Qt emits while it is destroyed
  // (deleteLater from JS); false when the JS object is gone or the environment is closing.
  virtual void destroyOnQt(bool emitSignals) = 0;
  // JS thread: build the JS wrapper object for a handle the Qt thread created (accepted sockets);
  // nullptr when JS cannot run (see runtime/event_queue.cc). Raw N-API, never throws.
  virtual napi_value wrap(napi_env env) { return nullptr; }
  // When everything goes at once, lower ranks go first: a server deletes the sockets still in its
  // pending queue, so it must go before sockets are deleted behind its back.
  virtual int destroyRank() const { return 1; }
  // Qt thread: once a batch of commands that asked for it (Runtime::flushAfterCommands) has run.
  virtual void afterCommands() {}
  // JS thread: a command for this handle was queued (it runs on the Qt thread later).
  virtual void commandQueued() {}

  // Qt thread: commands held back while Qt waits inside one of this handle's emissions for a JS
  // slot's answer (runtime/slot_wait.h tells why).
  // A handle whose Qt object is part of another's (a reply of its manager) answers for that one.
  virtual bool inEmission() const { return wait_ && wait_->inEmission(); }
  virtual void defer(std::function<void()> fn, bool cancelsWait) { slotWait().defer(std::move(fn), cancelsWait); }
  // Qt thread: pushes the event `ask(serial)` makes and waits until JS answers with
  // answerSlot(serial, ...) or the wait is cancelled. Returns the answer, or nullptr.
  std::shared_ptr<SlotAnswer> waitForSlot(const std::function<Event(uint32_t serial)>& ask) {
    return slotWait().wait(*this, ask);
  }
  // Qt thread: JS's answer to the wait numbered `serial`; dropped if that wait is over.
  void answerSlot(uint32_t serial, std::shared_ptr<SlotAnswer> answer) {
    if (wait_) wait_->answer(serial, std::move(answer));
  }

 protected:
  std::shared_ptr<Runtime> channel_;
  uint32_t id_;

 private:
  friend class SlotWait;  // runs what was deferred, holding the handle alive meanwhile
  // Made the first time a slot's answer is awaited (a proxy's prompt): most handles never need one,
  // and its state costs ~90 bytes on every socket. Qt thread only.
  SlotWait& slotWait() {
    if (!wait_) wait_ = std::make_unique<SlotWait>();
    return *wait_;
  }
  std::unique_ptr<SlotWait> wait_;
};

// An environment's handles by id, for its runtime: a closing environment, or an exiting process,
// destroys them all on the Qt thread.
class HandleRegistry {
 public:
  void add(const std::shared_ptr<Handle>& h);
  void remove(uint32_t id);
  uint32_t nextId() { return next_id_.fetch_add(1); }
  size_t size();
  // Qt thread: destroy every handle, in destroyRank order; a handle in whose emission Qt waits for
  // a slot's answer goes once Qt has left that emission.
  void destroyAll();

 private:
  std::atomic<uint32_t> next_id_{1};
  std::mutex mu_;
  std::unordered_map<uint32_t, std::shared_ptr<Handle>> handles_;
};

}  // namespace qtn
