#include "server/routes/predict_routes.hpp"

#include <algorithm>
#include <cmath>

#include "ml/models/rating_model.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/rating_request.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

HttpResponse predict_rating(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  auto lookup = [&snapshot](const std::string& id) -> std::optional<KnownHospital> {
    const auto index = snapshot.find_hospital(id);
    if (!index) return std::nullopt;
    const Hospital& hospital = snapshot.hospitals()[*index];
    return KnownHospital{ml::rating_inputs_of(hospital), hospital.county_fips};
  };
  RatingRequest request = parse_rating_request(context.request.header("content-type"), context.request.body, lookup);
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
