// How events reach JS, in both runtimes: a batch goes to lib/core/runtime.ts's
// dispatch(count, buffer, payloads) in one call. JS thread only; raw N-API throughout, every status
// checked: a worker being terminated cannot run JS, and node-addon-api would turn that into a C++
// exception thrown through Node's (or Qt's) frames.
#pragma once

#include <napi.h>

#include <atomic>
#include <cstddef>
#include <vector>

#include "runtime/js_array.h"
#include "runtime/runtime.h"

namespace qtn {

class EventBatch {
 public:
  // Deliver to `dispatch` from now on (a second copy of lib/ opening again: the newest serves).
  void open(Napi::Env env, Napi::Function dispatch);
  void close();
  bool isOpen() const { return !dispatch_.IsEmpty(); }
  Napi::Env env() const { return dispatch_.Env(); }

  // Hands `batch` to JS. False when JS could not be called (nothing to do but drop it). A throw
  // that escaped JS's own handling goes to Node's uncaught-exception path unless `closed`.
  // `insideCall`: Qt emitted these inside a call from JS (the loop runtime), so they are no news
  // for a wait called after it (lib/core/stream.ts).
  bool dispatch(napi_env env, std::vector<Event>& batch, const std::atomic<bool>& closed, bool insideCall = false);
  // Whether a dispatch is running now (an event pushed meanwhile was caused by a slot).

 private:
  void releaseBuffer(napi_env env);

  Napi::FunctionReference dispatch_;
  // The batch buffer JS keeps a view of, reused while big enough; a nested delivery gets a buffer
  // of its own (the outer one is still being read).
  napi_ref buf_ = nullptr;
  double* data_ = nullptr;
  size_t cap_ = 0;  // doubles
  int depth_ = 0;
  JsArrays arrays_;
};

}  // namespace qtn
