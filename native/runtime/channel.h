// The thread runtime of one Node environment: its link to the one Qt thread of the process
// (runtime/qt_thread.h). A composition of the parts, each in a file of its own: the command queue
// (JS -> Qt), the event queue (Qt -> JS), the spin policy at a JS task's end, the handles it owns.
// What is its own: opening and closing, and the end of a JS task, where those parts meet.
#pragma once

#include <napi.h>

#include <atomic>
#include <functional>
#include <memory>

#include "runtime/command_queue.h"
#include "runtime/event_queue.h"
#include "runtime/handle.h"
#include "runtime/runtime.h"
#include "runtime/spin.h"

namespace qtn {

class EnvChannel : public Runtime {
 public:
  // Starts the Qt thread if this is the first environment to use it.
  EnvChannel();
  ~EnvChannel() override;
  const char* name() const override { return "thread"; }

  void open(Napi::Env env, Napi::Function dispatch, Napi::Function schedule) override;
  // Also lets go of the Qt thread (the last environment stops it).
  void close() override;
  void shutdown() override;
  void setRef(bool ref) override { events_.setRef(ref); }
  // Sends the task's commands and lets the Qt thread go; having sent commands or taken events, it
  // waits a little for the answer (runtime/spin.h tells why).
  bool endTask() override;
  void deliver(Napi::Env env) override;

  void post(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr, bool readOnly = false) override;
  void postNow(std::function<void()> fn, std::shared_ptr<Handle> target = nullptr) override;
  void postDestroy(std::function<void()> fn, std::shared_ptr<Handle> target, bool now) override {
    if (now)
      postNow(std::move(fn), std::move(target));
    else
      post(std::move(fn), std::move(target));
  }
  void call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target = nullptr) override;
  void wake() override { commands_.wake(); }
  void flushAfterCommands(std::shared_ptr<Handle> h) override { commands_.flushAfterCommands(std::move(h)); }
  void sentDirectly() override;
  void beforePoll(std::function<void()> fn) override;

  void push(Event&& e, bool lazy = false) override { events_.push(std::move(e), lazy); }
  // A nested QEventLoop on the Qt thread, in which this environment's commands for other handles
  // still run.
  void waitForAnswer(Event&& question, SlotWait& wait) override;

  void add(const std::shared_ptr<Handle>& h) override { handles_.add(h); }
  void remove(uint32_t id) override { handles_.remove(id); }
  uint32_t nextId() override { return handles_.nextId(); }
  size_t liveHandles() override { return handles_.size(); }
  void destroyAll() override;

  // Qt thread, when the process exits: nothing of ours may run for any environment after this.
  static void destroyEverything();

 private:
  void scheduleEndTask(bool sent = true);  // JS thread

  // Member order is construction order: the queues refer to closed_ and answer_spin_.
  std::atomic<bool> closed_{false};
  AnswerSpin answer_spin_;  // JS thread
  CommandQueue commands_{*this, closed_};
  EventQueue events_{*this, closed_, answer_spin_};
  HandleRegistry handles_;

  // JS thread: the current task's end (endTask).
  Napi::FunctionReference schedule_;
  bool end_task_scheduled_ = false;
  bool task_sent_ = false;    // this task sent commands
  bool events_came_ = false;  // this task delivered events
};

}  // namespace qtn
