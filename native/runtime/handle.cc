#include "runtime/handle.h"

#include <algorithm>
#include <vector>

namespace qtn {

Handle::Handle(std::shared_ptr<Runtime> channel) : channel_(std::move(channel)), id_(channel_->nextId()) {
  LiveCount::handles.fetch_add(1, std::memory_order_relaxed);
}

void HandleRegistry::add(const std::shared_ptr<Handle>& h) {
  std::lock_guard<std::mutex> lock(mu_);
  handles_[h->id()] = h;
}

void HandleRegistry::remove(uint32_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  handles_.erase(id);
}

size_t HandleRegistry::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return handles_.size();
}

void HandleRegistry::destroyAll() {
  std::unordered_map<uint32_t, std::shared_ptr<Handle>> all;
  {
    std::lock_guard<std::mutex> lock(mu_);
    all.swap(handles_);
  }
  std::vector<std::shared_ptr<Handle>> ordered;
  for (auto& entry : all) ordered.push_back(entry.second);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a->destroyRank() < b->destroyRank(); });
  for (auto& h : ordered) {
    if (h->inEmission())  // destroyed once Qt has left the emission it waits in
      h->defer([h] { h->destroyOnQt(false); }, true);
    else
      h->destroyOnQt(false);
  }
}

}  // namespace qtn
