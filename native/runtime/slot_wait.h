// Slot-answer waits: Qt asks a question inside a signal emission (proxyAuthenticationRequired:
// the authenticator) and reads the answer as soon as the emission returns, as PyQt6's slot fills
// it synchronously; so the emission waits for the JS slots' answer. One SlotWait per handle owns
// that wait's state (its serial, whether it is running, the answer) and the handle's commands held
// back meanwhile. The question's own specifics (what was asked, where the answer goes) stay in the
// emission's frame (native/proxy_auth.cc); how the runtime waits is Runtime::waitForAnswer.
#pragma once

#include <QPointer>
#include <QSocketNotifier>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace qtn {

class Handle;
struct Event;

// Qt thread, around a wait for a slot's answer inside an emission of `root` (a socket). In PyQt6
// nothing happens to the socket while its slot runs. Here Qt's event loop runs meanwhile (other
// sockets go on), so the socket's own descriptors (its proxy connection's, its TLS plain socket's
// among them) are not watched until the answer is in: a peer that closes in the meantime is seen
// afterwards, as Qt would see it, not in the middle of the emission.
class FreezeIo {
 public:
  explicit FreezeIo(QObject* root);
  ~FreezeIo();
  FreezeIo(const FreezeIo&) = delete;
  FreezeIo& operator=(const FreezeIo&) = delete;

 private:
  std::vector<QPointer<QSocketNotifier>> frozen_;
};

// What a JS slot answered, handed to the emission that waits for it: one subclass per kind of
// question.
struct SlotAnswer {
  virtual ~SlotAnswer() = default;
};

// Qt thread only.
class SlotWait {
 public:
  // While Qt is inside one of the handle's emissions waiting for a JS slot's answer, commands for
  // the handle are held back: running them there (an abort, a delete) would pull the socket out
  // from under Qt's own stack. They run, in order, once Qt has left that emission. A sync call held
  // back cancels the wait, since the JS thread that would answer is blocked in that call.
  // (Also while what waited has not run yet, so that later commands queue behind it, in order.)
  bool inEmission() const { return depth_ > 0 || !deferred_.empty(); }
  void defer(std::function<void()> fn, bool cancelsWait);

  // Pushes the event `ask(serial)` makes and waits (Runtime::waitForAnswer) until JS answers with
  // answer(serial, ...), the wait is cancelled, or Qt stops. Returns the answer, or nullptr.
  std::shared_ptr<SlotAnswer> wait(Handle& h, const std::function<Event(uint32_t serial)>& ask);
  // JS's answer to the wait numbered `serial`; dropped if that wait is over.
  void answer(uint32_t serial, std::shared_ptr<SlotAnswer> a);

  // For the runtime, while it waits (Runtime::waitForAnswer): how to end the wait; and ending it.
  void onStop(std::function<void()> stop) { stop_ = std::move(stop); }
  void stop() {
    if (stop_) stop_();
  }

 private:
  void runDeferred();

  int depth_ = 0;         // emissions of the handle waiting now
  uint32_t serial_ = 0;   // the running wait's; bumped when it ends, so that a late answer is dropped
  bool waiting_ = false;  // a wait runs (a question asked again inside it goes unanswered)
  std::shared_ptr<SlotAnswer> answer_;
  std::function<void()> stop_;
  std::vector<std::function<void()>> deferred_;
};

}  // namespace qtn
