// Which runtime an environment gets (runtime/runtime.h MakeRuntime).
#include <cstdlib>
#include <mutex>
#include <string>

#include "runtime/channel.h"
#include "runtime/runtime.h"

namespace qtn {

std::shared_ptr<Runtime> MakeLoopRuntime(Napi::Env env);  // runtime/loop_runtime.cc

std::shared_ptr<Runtime> MakeRuntime(Napi::Env env) {
  // Once per process: the first environment's choice holds for the workers too (Qt's objects of
  // one runtime cannot meet the other's threads).
  static std::once_flag once;
  static std::string chosen;
  std::call_once(once, [] {
    const char* v = std::getenv("QTNETWORK_RUNTIME");
    chosen = v && *v ? v : "loop";
  });
  if (chosen == "loop") return MakeLoopRuntime(env);
  if (chosen == "thread") return std::make_shared<EnvChannel>();
  throw Napi::RangeError::New(env, "QTNETWORK_RUNTIME must be \"loop\" or \"thread\", got \"" + chosen + "\"");
}

}  // namespace qtn
