// The wake/spin policy of the thread runtime, all of it: a thread that sleeps takes tens of
// microseconds to wake (60-100 µs on a 2-vCPU VM), more than a 64-byte exchange costs otherwise.
// So each side spins a short while, bounded (QTNETWORK_SPIN_US, 50 by default, 0: never), when it
// expects the other's answer soon: the JS thread after a task that sent commands or took events
// (AnswerSpin), the Qt thread after it told JS something (QtSpinner), a sync call for its result
// and a Qt thread held after one (runtime/command_queue.cc, with SpinUntil and SpinNanos).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

class QObject;

namespace qtn {

int64_t NowNanos();
// The spin budget in nanoseconds: QTNETWORK_SPIN_US, read once per process (0: never spin).
int64_t SpinNanos();

// The one spin loop of the runtime: pauses until done() or the clock (NowNanos) reaches `until`;
// returns whether done() held. Pausing, not yielding: yield() hands the CPU to whatever else is
// runnable, a niced background job included, for a whole time slice.
template <typename Done>
bool SpinUntil(int64_t until, Done done) {
  while (!done()) {
    if (NowNanos() >= until) return false;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
  }
  return true;
}

// JS thread: whether, at the end of a task, to wait for the Qt thread's answer before returning to
// Node's loop (and sleeping there), and for how long.
class AnswerSpin {
 public:
  // Spins until `answered` is set (events that wake JS are queued) or the window closes; `asked`:
  // the task sent commands (not only took events). Returns whether the answer came.
  bool awaitAnswer(bool asked, const std::atomic<bool>& answered);
  // While this holds, the Qt thread need not wake JS: the spin will see its events.
  bool spinning() const { return spinning_.load(); }
  // Events are being delivered: an answer that missed the spin teaches how long answers take.
  void answerArrived();

 private:
  void learn(int64_t nanos);

  std::atomic<bool> spinning_{false};
  int credit_ = 4;             // spins left that may miss before spinning stops
  uint32_t skipped_ = 0;       // spins skipped since; one in 64 tries again
  int64_t answer_nanos_ = 0;   // how long answers take, learnt
  int64_t waiting_since_ = 0;  // when the last spin that missed began
};

// Qt thread side (runtime/qt_thread.cc calls it): for a short while after it has told JS
// something, the Qt thread does not sleep when it runs out of work: it spins in short slices, with
// a non-blocking poll of its sockets between them, until JS posts (its answer, usually) or the
// time is up.
struct QtSpinner {
  // Qt thread, as it starts and stops: the keep-polling timer lives on it, a child of `context`.
  static void attach(QObject* context);
  static void detach();
  // Qt thread, when it has nothing left to do and would poll (the dispatcher's aboutToBlock).
  static void aboutToBlock();
  // Qt thread: it has told JS something; open the spin window.
  static void expectAnswer();
  // Any thread: a function was posted to the Qt thread (a spinning Qt thread stops to run it).
  static void posted();
  // Hands fn to the Qt thread if it is spinning now (it runs fn as it stops spinning, without an
  // event posted, a wake-up write or a turn of the event loop); false if not: post it then.
  static bool handTo(std::function<void()> fn);
  // Any thread: a spinning Qt thread ends its slice now and polls its sockets (a datagram was
  // sent to one of them from another thread); its spin window stays open.
  static void poke();
};

}  // namespace qtn
