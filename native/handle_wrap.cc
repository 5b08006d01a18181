#include "handle_wrap.h"

namespace qtn {

namespace {
// Filled during static initialization, one entry per handle class's file; read when an
// environment loads the addon.
std::vector<std::pair<const char*, HandleClassInit>>& Registry() {
  static std::vector<std::pair<const char*, HandleClassInit>> classes;
  return classes;
}
}  // namespace

bool RegisterHandleClass(const char* name, HandleClassInit init) {
  Registry().emplace_back(name, init);
  return true;
}

const std::vector<std::pair<const char*, HandleClassInit>>& HandleClasses() { return Registry(); }

}  // namespace qtn
