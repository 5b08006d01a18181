#include "runtime/live_count.h"

namespace qtn {

// Defined here, not as inline variables: those would be GNU-unique symbols (see CMakeLists.txt).
std::atomic<int64_t> LiveCount::handles{0};
std::atomic<int64_t> LiveCount::qobjects{0};

}  // namespace qtn
