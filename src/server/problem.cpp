#include "server/problem.hpp"

#include <nlohmann/json.hpp>

namespace hci::server {

namespace {

std::string title_of(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace

RequestError::RequestError(int status, ErrorCode code, const std::string& detail, std::vector<FieldError> errors)
    : Error(code, detail), status_(status), errors_(std::move(errors)) {}

int http_status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::not_found: return 404;
    case ErrorCode::unauthorized: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::conflict: return 409;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

HttpResponse problem_response(int status, ErrorCode code, const std::string& detail, const std::string& instance,
                              const std::vector<FieldError>& errors) {
  nlohmann::ordered_json body = {{"type", "urn:hci:problem:" + std::string(error_code_name(code))},
                                 {"title", title_of(status)},
                                 {"status", status},
                                 {"detail", detail},
                                 {"instance", instance}};
  if (!errors.empty()) {
    auto& list = body["errors"] = nlohmann::ordered_json::array();
    for (const auto& error : errors) {
      list.push_back({{"name", error.name}, {"value", error.value}, {"problem", error.problem}});
    }
  }
  HttpResponse response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

}  // namespace hci::server
