// JS arrays made by one call into JS, `(...values) => values`, instead of an N-API element store
// per value: V8 takes an element stored from C++ down its generic path, about 1,000 instructions
// each (callgrind), and a socket's snapshot or an event with its endpoint carries up to 13 values.
// A function of our own, not Array.of, which a program may have replaced. JS thread only; raw
// N-API, never throws.
#pragma once

#include <napi.h>

#include <cstddef>

namespace qtn {

class JsArrays {
 public:
  // An array of the n values; nullptr when JS cannot run.
  napi_value make(napi_env env, const napi_value* values, size_t n) {
    napi_value fn, recv, result;
    if (fn_.IsEmpty()) {
      napi_value source;
      if (napi_create_string_utf8(env, "(...values) => values", NAPI_AUTO_LENGTH, &source) != napi_ok ||
          napi_run_script(env, source, &fn) != napi_ok)
        return nullptr;
      fn_ = Napi::Persistent(Napi::Function(env, fn));
    }
    fn = fn_.Value();
    if (napi_get_undefined(env, &recv) != napi_ok || napi_call_function(env, recv, fn, n, values, &result) != napi_ok)
      return nullptr;
    return result;
  }
  // Before the environment goes (the reference must be deleted while it runs).
  void reset() { fn_.Reset(); }

 private:
  Napi::FunctionReference fn_;
};

}  // namespace qtn
