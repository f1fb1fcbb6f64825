#pragma once
// A route's answer that the resource lives at another URL: thrown, and answered 301 with a Location.

#include <stdexcept>
#include <string>

namespace hci::server {

/// Thrown by a handler when the request names a resource by a form users hold (a CCN that lost its
/// leading zeros) rather than its canonical URL; the API answers 301 with `location` (path and query).
class MovedPermanently : public std::runtime_error {
 public:
  explicit MovedPermanently(std::string location)
      : std::runtime_error("moved permanently to " + location), location_(std::move(location)) {}
  /// The canonical URL, absolute path and query.
  const std::string& location() const noexcept { return location_; }

 private:
  std::string location_;
};

}  // namespace hci::server
