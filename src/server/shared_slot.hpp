#pragma once
// A shared_ptr that one thread replaces while many threads read it (the served snapshot, the key ring).

#include <memory>
#include <mutex>
#include <utility>

namespace hci::server {

/// Holds the current shared_ptr<const T>: load() hands out a reference that stays valid however often
/// store() replaces the value. A mutex guards the pointer copy only. It stands in for
/// std::atomic<std::shared_ptr>, whose GCC 12 implementation releases a load with a relaxed store, so a
/// following store() races with it (ThreadSanitizer reports it).
template <typename T>
class SharedSlot {
 public:
  /// The current value (null before the first store).
  std::shared_ptr<const T> load() const {
    std::lock_guard lock(mutex_);
    return value_;
  }

  /// Replaces the value; the old one is released outside the lock, when its last reader lets go.
  void store(std::shared_ptr<const T> value) {
    std::lock_guard lock(mutex_);
    value_.swap(value);  // `value` now holds the old one; it is released after the lock, with the parameter
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const T> value_;
};

}  // namespace hci::server
