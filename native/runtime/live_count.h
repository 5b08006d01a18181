// Process-wide debug counters for leak tests (test/net/churn.test.ts): our Handles alive, and the
// Qt objects they made (sockets, servers) still alive, across every Node environment. Atomic
// increments only, so they stay in release builds.
#pragma once

#include <atomic>
#include <cstdint>

namespace qtn {

struct LiveCount {
  static std::atomic<int64_t> handles;
  static std::atomic<int64_t> qobjects;
};

// A Qt class of ours counted in LiveCount::qobjects for as long as it exists, whoever deletes it
// (us, or a QTcpServer deleting the sockets still in its pending queue).
template <class Q>
class Counted : public Q {
 public:
  template <class... A>
  explicit Counted(A&&... a) : Q(static_cast<A&&>(a)...) {
    LiveCount::qobjects.fetch_add(1, std::memory_order_relaxed);
  }
  ~Counted() override { LiveCount::qobjects.fetch_sub(1, std::memory_order_relaxed); }
};

}  // namespace qtn
