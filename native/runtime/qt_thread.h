// The one Qt thread of the process: QCoreApplication::exec() on a std::thread, shared by every
// Node environment (main thread and workers). Every QObject of the addon lives on it.
#pragma once

#include <functional>

namespace qtn {

class QtThread {
 public:
  // An environment starts using Qt (starts the thread on first use).
  static void acquire();
  // An environment is done with Qt; the last one stops and joins the thread.
  static void release();
  // Queue fn to run on the Qt thread. Returns false when the thread is stopping (fn is dropped).
  static bool post(std::function<void()> fn);
  // The process is exiting (the main thread's 'exit' event): destroy every QObject and stop now,
  // before static destructors run (Qt's own among them); later uses are refused.
  static void shutdown();
  static bool running();
  static bool onQtThread();
  // Hooks run on the Qt thread just before it stops, to destroy QObjects there (destroying them
  // from another thread at exit crashes Qt).
  static void setBeforeStop(std::function<void()> fn);

  // Latency: a thread that sleeps takes tens of microseconds to wake, more than a 64-byte exchange
  // costs otherwise. So, for a short while (QTNETWORK_SPIN_US, 50 by default, 0: never) after it
  // has told JS something, the Qt thread does not sleep when it runs out of work: it spins in
  // short slices, with a non-blocking poll of its sockets between them, until JS posts (its
  // answer, usually) or the time is up. Qt thread only.
  static void expectAnswer();
  // Hands fn to the Qt thread if it is spinning now (it runs fn as it stops spinning, without an
  // event posted, a wake-up write or a turn of the event loop); false if not: post() it then.
  static bool postToSpinner(std::function<void()> fn);
  // Any thread: a spinning Qt thread ends its slice now and polls its sockets (a datagram was
  // sent to one of them from another thread); its spin window stays open.
  static void poke();
  // Qt thread: runs fn once the thread has dispatched what is ready, before it next polls. As a
  // zero-time single-shot timer, but without the posted event and the wake-up write that costs.
  static void beforePoll(std::function<void()> fn);
  // The same budget, for a thread of ours waiting for the Qt thread (a sync call).
  static int64_t spinNanos();
};

int64_t NowNanos();
// The one spin loop of the runtime (see QtThread::expectAnswer): pauses until done() or the clock
// (NowNanos) reaches `until`; returns whether done() held. Pausing, not yielding: yield() hands the
// CPU to whatever else is runnable, a niced background job included, for a whole time slice.
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

}  // namespace qtn
