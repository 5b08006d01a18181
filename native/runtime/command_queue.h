// The command queue of the thread runtime: JS -> Qt, in order. Commands from one JS task reach the
// Qt thread together, at the end of the task, or at once with a sync call; after a sync call the Qt
// thread stays with this environment until the task ends. So a sequence of calls runs in Qt
// without its event loop in between, as in PyQt6, where nothing happens between two calls of the
// same Python code (write(); close() leaves the socket Closing with its data unsent, whatever the
// network does meanwhile).
#pragma once

#include <napi.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace qtn {

class Handle;
class Runtime;

// A JS->Qt wait longer than this means the Qt thread is stuck (SOCKS5 BIND blocks it up to 5 s).
constexpr auto kCallLimit = std::chrono::seconds(30);

class CommandQueue {
 public:
  // `owner` is kept alive while a drain is posted; `closed` is the owner's: once set, nothing more
  // is sent.
  CommandQueue(Runtime& owner, const std::atomic<bool>& closed) : owner_(owner), closed_(closed) {}

  // JS thread (or a finalizer): queue fn; it is sent by wake(), or at the task's end (taskEnded).
  // `target`: see Runtime::post.
  void queue(std::function<void()> fn, std::shared_ptr<Handle> target);
  // Any thread: get the Qt thread to run what is queued.
  void wake();
  // JS thread: queue fn, send it now and wait until it has run (bounded); the Qt thread then stays
  // with this environment until taskEnded(). Throws a JS Error if it does not answer in time.
  void call(Napi::Env env, const std::function<void()>& fn, std::shared_ptr<Handle> target);
  // JS thread: the task is done: send its commands, and let a held Qt thread go.
  void taskEnded();
  // JS thread: the environment is closing: a held Qt thread stops waiting for this task.
  void closing() { cv_.notify_all(); }

  // Qt thread, inside a command: run h->afterCommands() once this batch of commands is done.
  void flushAfterCommands(std::shared_ptr<Handle> h) { after_commands_.push_back(std::move(h)); }

  // Qt thread, around a nested event loop (a slot-answer wait): let this environment's commands
  // run in it even when the wait began inside a command; returns what resumeDrain restores.
  bool suspendDrain();
  void resumeDrain(bool wasDraining);
  // Whether the JS thread is blocked in call() now (then it cannot run a slot Qt waits for).
  bool jsBlocked() const { return js_blocked_.load() > 0; }

 private:
  struct Command {
    std::function<void()> fn;
    std::shared_ptr<Handle> target;
    bool sync = false;
  };
  void drain();  // Qt thread

  Runtime& owner_;
  const std::atomic<bool>& closed_;
  std::atomic<int> js_blocked_{0};

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Command> commands_;
  bool drain_posted_ = false;
  bool draining_ = false;
  uint64_t hold_seq_ = 0;             // sync calls made
  uint64_t released_seq_ = 0;         // sync calls whose JS task has ended
  std::atomic<uint64_t> signals_{0};  // bumped when commands arrive or a task ends (a held drain spins on it)
  std::vector<std::shared_ptr<Handle>> after_commands_;  // Qt thread only
};

}  // namespace qtn
