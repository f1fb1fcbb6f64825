#include "server/routes/predict_routes.hpp"

#include <algorithm>

#include <cmath>

#include "core/text.hpp"
#include "core/us_states.hpp"
#include "ml/models/rating_model.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

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

// Parses the JSON body after the checks that protect the parser (content type, nesting depth).
Json parse_body(const RequestContext& context) {
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
  return body;
}

bool is_one_of(const std::vector<std::string>& names, const std::string& key) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

// One body field into the row, or an error naming it. Text fields are categories (county_fips is kept
// apart: it selects the county context), booleans and counts are numbers.
void read_field(const std::string& key, const Json& value, ml::RawRow& row, std::optional<std::string>& county_fips,
                std::vector<FieldError>& errors) {
  if (is_one_of(ml::rating_text_inputs(), key)) {
    if (!value.is_string() || value.get_ref<const std::string&>().size() > 200) {
      errors.push_back({key, value.dump(), "must be a string of at most 200 characters"});
    } else if (key == "state" && !find_jurisdiction(to_upper_ascii(value.get<std::string>()))) {
      errors.push_back({key, value.get<std::string>(), "is not a US state, DC or territory code"});
    } else if (key == "county_fips") {
      const auto& fips = value.get_ref<const std::string&>();
      if (fips.size() != 5 || !std::all_of(fips.begin(), fips.end(), ::isdigit)) {
        errors.push_back({key, fips, "must be a 5-digit county FIPS code"});
      } else {
        county_fips = fips;
      }
    } else {
      row.categories[key] = key == "state" ? to_upper_ascii(value.get<std::string>()) : value.get<std::string>();
    }
  } else if (is_one_of(ml::rating_boolean_inputs(), key)) {
    if (!value.is_boolean())
      errors.push_back({key, value.dump(), "must be true or false"});
    else
      row.numbers[key] = value.get<bool>() ? 1 : 0;
  } else if (is_one_of(ml::rating_number_inputs(), key)) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 100000) {
      errors.push_back({key, value.dump(), "must be an integer from 0 to 100000"});
    } else {
      row.numbers[key] = static_cast<double>(value.get<std::int64_t>());
    }
  } else if (key != "facility_id") {
    errors.push_back({key, "", "unknown field"});
  }
}

// A validated prediction request: the hospital's own inputs, and the county that selects its context.
struct RatingRequest {
  ml::RawRow row;
  std::optional<std::string> county_fips;
};

// The model's inputs from the body: a known hospital's own values (facility_id) with the body's
// overrides on top, or the body alone (hospital_type required).
RatingRequest read_request(const Json& body, const Snapshot& snapshot) {
  std::vector<FieldError> errors;
  if (!body.is_object()) {
    throw RequestError(422, ErrorCode::invalid_input, "the body does not fit the schema",
                       {{"body", "", "must be a JSON object"}});
  }
  ml::RawRow row;
  std::optional<std::string> county_fips;
  if (body.contains("facility_id")) {
    const auto& id = body["facility_id"];
    const auto index = id.is_string() ? snapshot.find_hospital(id.get<std::string>()) : std::nullopt;
    if (!id.is_string())
      errors.push_back({"facility_id", id.dump(), "must be a string"});
    else if (!index)
      errors.push_back({"facility_id", id.get<std::string>(), "no hospital with this CMS id"});
    else {
      const Hospital& h = snapshot.hospitals()[*index];
      row = ml::rating_inputs_of(h);
      county_fips = h.county_fips;
    }
  } else if (!body.contains("hospital_type")) {
    errors.push_back({"hospital_type", "", "is required (or give facility_id)"});
  }
  for (const auto& [key, value] : body.items()) read_field(key, value, row, county_fips, errors);
  if (!errors.empty()) throw RequestError(422, ErrorCode::invalid_input, "the body does not fit the schema", errors);
  return {std::move(row), county_fips};
}

HttpResponse predict_rating(const RequestContext& context) {
  RatingRequest request = read_request(parse_body(context), *context.snapshot);
  const ModelView* models = context.snapshot->models();
  if (!models || !models->rating()) {
    throw RequestError(503, ErrorCode::unavailable,
                       "no model trained: run 'hci train --model rating' on dataset " +
                           context.snapshot->dataset().version.substr(0, 12) + ", then reload the server");
  }
  const RatingPredictor& predictor = *models->rating();
  ml::RawRow& row = request.row;
  const auto state = row.categories.find("state");
  predictor.context.add_to(row, state == row.categories.end() ? "" : state->second, request.county_fips);
  const double prediction = predictor.model.predict(predictor.encoder.encode({row}))[0];
  const auto identity = *models->identity("rating");
  Json answer = {{"prediction", prediction},
                 {"rating_estimate", std::clamp(static_cast<int>(std::lround(prediction)), 1, 5)},
                 {"model_version", identity.second},
                 {"cv_metrics", predictor.cv_metrics},
                 {"imputed", predictor.encoder.missing_inputs(row)},
                 {"imputation", "missing inputs follow the branch the model learned for missing values"}};
  return object_response(*context.snapshot, answer);
}

// The request body schema: every model input, typed, and nothing else.
Json rating_request_schema() {
  Json properties = {{"facility_id",
                      {{"type", "string"},
                       {"description",
                        "a CMS id: score that hospital, with "
                        "the other fields as overrides"}}}};
  for (const auto& name : ml::rating_text_inputs()) properties[name] = {{"type", "string"}};
  for (const auto& name : ml::rating_boolean_inputs()) properties[name] = {{"type", "boolean"}};
  for (const auto& name : ml::rating_number_inputs()) {
    properties[name] = {{"type", "integer"}, {"minimum", 0}, {"maximum", 100000}};
  }
  return {{"required", true},
          {"content",
           {{"application/json",
             {{"schema",
               {{"type", "object"},
                {"properties", properties},
                {"additionalProperties", false},
                {"description",
                 "hospital_type is required unless facility_id is given; unknown fields are "
                 "refused with 422"}}}}}}}};
}

}  // namespace

void add_predict_routes(Router& router) {
  Json predict = operation("models",
                           "Predict a hospital's star rating from its features, or a what-if on a real hospital "
                           "(facility_id plus overrides); 503 until the rating model is trained",
                           {}, object_of(schema_ref("RatingPrediction")), {400, 413, 415, 422, 503});
  predict["requestBody"] = rating_request_schema();
  router.add({"POST", "/api/v1/predict/hospital-rating", Scope::predict, predict_rating, predict});
}

}  // namespace hci::server
