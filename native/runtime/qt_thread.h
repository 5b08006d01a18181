// The one Qt thread of the process: QCoreApplication::exec() on a std::thread, shared by every
// Node environment (main thread and workers). Every QObject of the addon lives on it.
#pragma once

#include <functional>

#include "runtime/spin.h"

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

  // Qt thread: runs fn once the thread has dispatched what is ready, before it next polls. As a
  // zero-time single-shot timer, but without the posted event and the wake-up write that costs.
  static void beforePoll(std::function<void()> fn);
  // Qt thread: runs fn at the end of this turn: after the beforePoll functions, or after the batch
  // of JS commands running now, whichever comes first. Events Qt emits within one turn (a
  // connection's stateChanged, modeChanged, connected) reach JS then, in one crossing.
  static void atTurnEnd(std::function<void()> fn);
  // Qt thread: a turn ends here (runs the atTurnEnd functions).
  static void endTurn();
};

}  // namespace qtn
