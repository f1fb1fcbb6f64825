#pragma once
// The error vocabulary shared by every module: one exception type carrying a named code.

#include <stdexcept>
#include <string>
#include <string_view>

namespace hci {

/// What kind of failure ended an operation; the CLI and the server map these to statuses.
enum class ErrorCode {
  invalid_input,
  not_found,
  unauthorized,
  forbidden,
  conflict,
  rate_limited,
  unavailable,
  internal,
};

/// The stable snake_case name of a code, as shown to users and asserted by tests.
std::string_view error_code_name(ErrorCode code);

/// A failure that ends an operation. Expected, per-row problems are values, not exceptions.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message);

  /// The kind of failure, for mapping to an exit status or HTTP status.
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace hci
