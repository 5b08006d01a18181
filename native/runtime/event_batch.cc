#include "runtime/event_batch.h"

#include <algorithm>

#include "protocol.h"
#include "runtime/handle.h"

namespace qtn {

void EventBatch::open(Napi::Env env, Napi::Function dispatch) {
  dispatch_ = Napi::Persistent(dispatch);
  releaseBuffer(env);  // a new copy of lib/ has no view of it: the next batch sends a new one
}

void EventBatch::close() {
  if (!dispatch_.IsEmpty()) releaseBuffer(dispatch_.Env());
  dispatch_.Reset();
  arrays_.reset();
}

void EventBatch::releaseBuffer(napi_env env) {
  if (buf_) napi_delete_reference(env, buf_);
  buf_ = nullptr;
  data_ = nullptr;
  cap_ = 0;
}

// A batch reaches JS as dispatch(count, buffer, payloads): the numbers of every event in a
// Float64Array over `buffer` (EventSlot::kCount per event, laid out as native/protocol.h says; `buffer` undefined when
// it is the one JS was last given), and `payloads`, indexed by event, only when some event has one (else null). Writing
// numbers into memory JS already holds costs a fraction of setting array elements through N-API,
// which was most of the JS thread's work per event.
bool EventBatch::dispatch(napi_env env, std::vector<Event>& batch, const std::atomic<bool>& closed, bool insideCall) {
  if (dispatch_.IsEmpty()) return false;
  using protocol::EventSlot;
  constexpr size_t kEventSlots = EventSlot::kCount;
  const size_t need = batch.size() * kEventSlots;
  napi_value bufArg;
  if (napi_get_undefined(env, &bufArg) != napi_ok) return false;
  double* out = data_;
  if (depth_ > 0 || need > cap_) {
    size_t cap = depth_ > 0 ? need : std::max(need, std::max(cap_ * 2, size_t(kEventSlots) * 64));
    void* data;
    if (napi_create_arraybuffer(env, cap * sizeof(double), &data, &bufArg) != napi_ok) return false;
    out = static_cast<double*>(data);
    if (depth_ == 0) {
      releaseBuffer(env);
      if (napi_create_reference(env, bufArg, 1, &buf_) != napi_ok) return false;
      data_ = out;
      cap_ = cap;
    }
  }
  napi_value payloads, null;
  if (napi_get_null(env, &null) != napi_ok) return false;
  payloads = null;
  bool anyPayload = false;
  for (const Event& e : batch)
    if (!e.bytes.isEmpty() || e.handleArg || e.makePayload || !e.strings.empty()) anyPayload = true;
  // The payloads, indexed by event, null where an event has none (an array once they are all
  // made); an event's strings go after them until they are made into its payload.
  std::vector<napi_value> values;
  if (anyPayload) values.resize(batch.size(), null);
  for (uint32_t n = 0; n < batch.size(); n++) {
    Event& e = batch[n];
    double* slot = out + size_t(n) * kEventSlots;
    slot[EventSlot::kHandle] = e.handle;
    slot[EventSlot::kKind] = e.kind;
    slot[EventSlot::kSeq] = e.seq;
    for (int j = 0; j < 4; j++) slot[EventSlot::kI0 + j] = e.i[j];
    for (int j = 0; j < 2; j++) slot[EventSlot::kD0 + j] = e.d[j];
    if (!anyPayload) continue;
    napi_value payload = nullptr;
    if (!e.bytes.isEmpty()) {
      // The Buffer keeps the QByteArray alive. An allocated block may still be shared, for the
      // moment, with the Qt object that produced it (the loop runtime hands it over inside Qt's
      // emission, whose arguments hold the same block), and data() would copy it all: the Buffer
      // gets the block itself. The other holders only read it and let go when the emission ends;
      // one that writes makes a copy of its own first (Qt's implicit sharing). Bytes the array
      // does not own (fromRawData) are copied into a block of its own, which the Buffer then holds.
      auto* keep = new QByteArray(std::move(e.bytes));
      char* bytes = keep->data_ptr().d_ptr() ? const_cast<char*>(keep->constData()) : keep->data();
      napi_status st = napi_create_external_buffer(
          env, size_t(keep->size()), bytes, [](napi_env, void*, void* hint) { delete static_cast<QByteArray*>(hint); },
          keep, &payload);
      if (st != napi_ok) {
        delete keep;
        return false;
      }
    } else if (e.handleArg) {
      payload = e.handleArg->wrap(env);
      if (!payload) return false;
    } else if (e.makePayload) {
      payload = e.makePayload(env);
      if (!payload) return false;
    } else if (!e.strings.empty()) {
      for (const std::string& text : e.strings) {
        napi_value str;
        if (napi_create_string_utf8(env, text.data(), text.size(), &str) != napi_ok) return false;
        values.push_back(str);
      }
      payload = arrays_.make(env, values.data() + batch.size(), e.strings.size());
      values.resize(batch.size());
      if (!payload) return false;
    }
    if (payload) values[n] = payload;
  }
  if (anyPayload && !(payloads = arrays_.make(env, values.data(), values.size()))) return false;
  napi_value fn = dispatch_.Value(), recv, result, count;
  if (napi_get_undefined(env, &recv) != napi_ok || napi_create_uint32(env, uint32_t(batch.size()), &count) != napi_ok)
    return false;
  napi_value inside;
  if (napi_get_boolean(env, insideCall, &inside) != napi_ok) return false;
  napi_value args[4] = {count, bufArg, payloads, inside};
  depth_++;
  napi_status called = napi_call_function(env, recv, fn, 4, args, &result);
  depth_--;
  if (called == napi_ok) return true;
  // lib/core/signal.ts already turns a throwing slot into an uncaught exception, so a throw here
  // is ours: Node's uncaught-exception path, as for a throwing net.Socket listener (never back
  // into the ThreadSafeFunction, where it would hang the process). V8's termination value is no
  // object: that is a worker going away, and nothing is left to tell.
  napi_value exc;
  if (napi_get_and_clear_last_exception(env, &exc) != napi_ok) return true;
  napi_valuetype type;
  if (!closed.load() && napi_typeof(env, exc, &type) == napi_ok && type == napi_object) napi_fatal_exception(env, exc);
  return true;
}

}  // namespace qtn
