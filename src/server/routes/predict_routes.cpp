#include "server/routes/predict_routes.hpp"

#include <algorithm>

#include "server/openapi.hpp"
#include "server/problem.hpp"

namespace hci::server {

namespace {

constexpr int kMaxJsonDepth = 32;

// Nesting depth of a JSON text, counted outside strings; checked before parsing so a body of a million
// '[' cannot exhaust the parser's stack.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

// The body: {"hospital_id": "..."} to score a known hospital, or {"features": {...}} for a new one.
void validate_body(const RequestContext& context) {
  const std::string& type = context.request.header("content-type");
  if (type.rfind("application/json", 0) != 0) {
    throw RequestError(415, ErrorCode::invalid_input, "the body must be application/json",
                       {{"Content-Type", type, "must be application/json"}});
  }
  if (nesting_depth(context.request.body) > kMaxJsonDepth) {
    throw RequestError(400, ErrorCode::invalid_input, "the body nests deeper than 32 levels",
                       {{"body", "", "nested too deeply"}});
  }
  const Json body = Json::parse(context.request.body, nullptr, false);
  if (body.is_discarded()) {
    throw RequestError(400, ErrorCode::invalid_input, "the body is not valid JSON", {{"body", "", "not valid JSON"}});
  }
  std::vector<FieldError> errors;
  if (!body.is_object()) {
    errors.push_back({"body", "", "must be a JSON object"});
  } else {
    for (const auto& [key, value] : body.items()) {
      if (key == "hospital_id" && !value.is_string()) errors.push_back({key, value.dump(), "must be a string"});
      if (key == "features" && !value.is_object()) errors.push_back({key, value.dump(), "must be an object"});
      if (key != "hospital_id" && key != "features") errors.push_back({key, "", "unknown field"});
    }
    if (!body.contains("hospital_id") && !body.contains("features")) {
      errors.push_back({"body", "", "give hospital_id or features"});
    }
    if (body.contains("hospital_id") && body["hospital_id"].is_string() && context.snapshot &&
        !context.snapshot->find_hospital(body["hospital_id"].get<std::string>())) {
      errors.push_back({"hospital_id", body["hospital_id"].get<std::string>(), "no hospital with this id"});
    }
  }
  if (!errors.empty()) throw RequestError(422, ErrorCode::invalid_input, "the body does not fit the schema", errors);
}

HttpResponse predict_rating(const RequestContext& context) {
  validate_body(context);
  throw RequestError(503, ErrorCode::unavailable, "no model trained: the rating model has not been trained yet");
}

}  // namespace

void add_predict_routes(Router& router) {
  router.add({"POST", "/api/v1/predict/hospital-rating", Scope::predict, predict_rating,
              operation("models", "Predict a hospital's star rating (503 until a model is trained)", {},
                        Json{{"type", "object"}}, {400, 413, 415, 422, 503})});
}

}  // namespace hci::server
