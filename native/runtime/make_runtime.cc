// Which runtime an environment gets (runtime/runtime.h MakeRuntime).
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "runtime/channel.h"
#include "runtime/runtime.h"

namespace qtn {

std::shared_ptr<Runtime> MakeLoopRuntime(Napi::Env env);  // runtime/loop_runtime.cc

std::shared_ptr<Runtime> MakeRuntime(Napi::Env env) {
  // Once per process: Qt's objects of one runtime cannot meet the other's thread model.
  static std::once_flag once;
  static bool loop = false;
  std::call_once(once, [] {
    const char* v = std::getenv("QTNETWORK_RUNTIME");
    loop = v && std::strcmp(v, "loop") == 0;
  });
  if (loop) return MakeLoopRuntime(env);
  return std::make_shared<EnvChannel>();
}

}  // namespace qtn
