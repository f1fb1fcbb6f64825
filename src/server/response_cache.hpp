#pragma once
// Finished responses of read routes, kept while their snapshot is served. A snapshot never changes,
// so the bytes answering a request line are the same every time until the next reload.

#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/http_message.hpp"

namespace hci::server {

/// A bounded, thread-safe map from request key to finished response. When an insert would pass the
/// byte budget, the shard it lands in is emptied first: simple, and a hot key is back after one miss.
class ResponseCache {
 public:
  /// `capacity_bytes` of bodies at most; 0 disables the cache.
  explicit ResponseCache(std::size_t capacity_bytes);

  /// The cached response for `key`, or null.
  std::shared_ptr<const HttpResponse> find(const std::string& key) const;
  /// Keeps `response` (its body in shared_body) under `key`.
  void insert(const std::string& key, std::shared_ptr<const HttpResponse> response);
  /// Forgets everything (on reload).
  void clear();
  /// False when the capacity is 0.
  bool enabled() const { return shard_capacity_ > 0; }

 private:
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<const HttpResponse>> entries;
    std::size_t bytes = 0;
  };
  static constexpr std::size_t kShards = 16;
  Shard& shard_of(const std::string& key) const;

  std::size_t shard_capacity_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace hci::server
