#include "server/response_cache.hpp"

#include <functional>

namespace hci::server {

ResponseCache::ResponseCache(std::size_t capacity_bytes) : shard_capacity_(capacity_bytes / kShards) {}

ResponseCache::Shard& ResponseCache::shard_of(const std::string& key) const {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

std::shared_ptr<const HttpResponse> ResponseCache::find(const std::string& key) const {
  if (!enabled()) return nullptr;
  const Shard& shard = shard_of(key);
  std::lock_guard lock(shard.mutex);
  auto it = shard.entries.find(key);
  return it == shard.entries.end() ? nullptr : it->second;
}

void ResponseCache::insert(const std::string& key, std::shared_ptr<const HttpResponse> response) {
  const std::size_t size = response->shared_body ? response->shared_body->size() : 0;
  if (!enabled() || size > shard_capacity_) return;
  Shard& shard = shard_of(key);
  std::lock_guard lock(shard.mutex);
  if (shard.bytes + size > shard_capacity_) {
    shard.entries.clear();
    shard.bytes = 0;
  }
  if (shard.entries.emplace(key, std::move(response)).second) shard.bytes += size;
}

void ResponseCache::clear() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    shard.entries.clear();
    shard.bytes = 0;
  }
}

}  // namespace hci::server
