#pragma once
// RFC 9457 problem details: the one error format of the API, with a field-level `errors` list.

#include <string>
#include <vector>

#include "core/error.hpp"
#include "server/http_message.hpp"

namespace hci::server {

/// One bad input: which parameter, the value received, and what is wrong with it.
struct FieldError {
  std::string name;
  std::string value;
  std::string problem;
};

/// A request the API refuses, with the HTTP status to answer and the bad fields, if any.
class RequestError : public Error {
 public:
  RequestError(int status, ErrorCode code, const std::string& detail, std::vector<FieldError> errors = {});
  /// The HTTP status the response carries (400, 404, 405, 413, 415, 422, ...).
  int status() const noexcept { return status_; }
  /// The parameters at fault, in the order they were checked.
  const std::vector<FieldError>& errors() const noexcept { return errors_; }

 private:
  int status_;
  std::vector<FieldError> errors_;
};

/// The HTTP status an error code maps to when no more specific status is known.
int http_status_of(ErrorCode code);

/// A problem+json response for `status` (title from the status), naming the request path as `instance`.
HttpResponse problem_response(int status, ErrorCode code, const std::string& detail, const std::string& instance,
                              const std::vector<FieldError>& errors = {});

}  // namespace hci::server
