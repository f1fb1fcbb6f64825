#include "server/rating_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "core/us_states.hpp"
#include "ml/models/rating_model.hpp"
#include "server/problem.hpp"

namespace hci::server {

namespace {

using Json = nlohmann::json;

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

// Parses the JSON body after the checks that protect the parser (content type, nesting depth).
Json parse_body(std::string_view content_type, std::string_view text) {
  if (content_type.rfind("application/json", 0) != 0) {
    throw RequestError(415, ErrorCode::invalid_input, "the body must be application/json",
                       {{"Content-Type", std::string(content_type), "must be application/json"}});
  }
  if (nesting_depth(text) > kMaxJsonDepth) {
    throw RequestError(400, ErrorCode::invalid_input, "the body nests deeper than 32 levels",
                       {{"body", "", "nested too deeply"}});
  }
  Json body = Json::parse(text, nullptr, false);
  if (body.is_discarded()) {
    throw RequestError(400, ErrorCode::invalid_input, "the body is not valid JSON", {{"body", "", "not valid JSON"}});
  }
  return body;
}

bool is_one_of(const std::vector<std::string>& names, const std::string& key) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

// A field's value as the error shows it: a string as it is, anything else as its JSON text.
std::string shown(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A text field into the row (county_fips is kept apart: it selects the county context).
void read_text(const std::string& key, const Json& value, RatingRequest& request, std::vector<FieldError>& errors) {
  if (!value.is_string() || value.get_ref<const std::string&>().size() > 200) {
    errors.push_back({key, shown(value), "must be a string of at most 200 characters"});
    return;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (key == "state" && !find_jurisdiction(to_upper_ascii(text))) {
    errors.push_back({key, shown(value), "is not a US state, DC or territory code"});
  } else if (key == "county_fips") {
    if (text.size() != 5 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
      errors.push_back({key, shown(value), "must be a 5-digit county FIPS code"});
    else
      request.county_fips = text;
  } else {
    request.row.categories[key] = key == "state" ? to_upper_ascii(text) : text;
  }
}

// One body field into the request, or an error naming it. Booleans and counts are numbers.
void read_field(const std::string& key, const Json& value, RatingRequest& request, std::vector<FieldError>& errors) {
  if (is_one_of(ml::rating_text_inputs(), key)) {
    read_text(key, value, request, errors);
  } else if (is_one_of(ml::rating_boolean_inputs(), key)) {
    if (!value.is_boolean())
      errors.push_back({key, shown(value), "must be true or false"});
    else
      request.row.numbers[key] = value.get<bool>() ? 1 : 0;
  } else if (is_one_of(ml::rating_number_inputs(), key)) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 100000)
      errors.push_back({key, shown(value), "must be an integer from 0 to 100000"});
    else
      request.row.numbers[key] = static_cast<double>(value.get<std::int64_t>());
  } else if (is_one_of(ml::rating_measure_inputs(), key)) {
    if (!value.is_number() || !std::isfinite(value.get<double>()) ||
        std::fabs(value.get<double>()) > kMeasureInputBound)
      errors.push_back({key, shown(value), "must be a number from -1e7 to 1e7"});
    else
      request.row.numbers[key] = value.get<double>();
  } else if (key != "facility_id") {
    errors.push_back({key, "", "unknown field"});
  }
}

// The named hospital's own inputs as the starting point, or an error naming facility_id.
void start_from_hospital(const Json& id, const HospitalLookup& lookup, RatingRequest& request,
                         std::vector<FieldError>& errors) {
  if (!id.is_string()) {
    errors.push_back({"facility_id", shown(id), "must be a string"});
    return;
  }
  auto known = lookup(id.get<std::string>());
  if (!known) {
    errors.push_back({"facility_id", shown(id), "no hospital with this CMS id"});
    return;
  }
  request.row = std::move(known->inputs);
  request.county_fips = std::move(known->county_fips);
}

}  // namespace

RatingRequest parse_rating_request(std::string_view content_type, std::string_view text, const HospitalLookup& lookup) {
  const Json body = parse_body(content_type, text);
  if (!body.is_object()) {
    throw RequestError(422, ErrorCode::invalid_input, "the body does not fit the schema",
                       {{"body", "", "must be a JSON object"}});
  }
  RatingRequest request;
  std::vector<FieldError> errors;
  if (body.contains("facility_id"))
    start_from_hospital(body["facility_id"], lookup, request, errors);
  else if (!body.contains("hospital_type"))
    errors.push_back({"hospital_type", "", "is required (or give facility_id)"});
  for (const auto& [key, value] : body.items()) read_field(key, value, request, errors);
  if (!errors.empty()) throw RequestError(422, ErrorCode::invalid_input, "the body does not fit the schema", errors);
  return request;
}

}  // namespace hci::server
