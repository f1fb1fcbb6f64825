#include "server/routes/predict_routes.hpp"

#include <algorithm>
#include <cmath>

#include "ml/models/rating_explanation.hpp"
#include "ml/models/rating_model.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/rating_request.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr std::size_t kExplainedInputs = 10;

// A real hospital's model inputs (its own values and measures) and its county.
std::optional<KnownHospital> known_hospital(const Snapshot& snapshot, const std::string& id) {
  const auto index = snapshot.find_hospital(id);
  if (!index) return std::nullopt;
  const Hospital& hospital = snapshot.hospitals()[*index];
  KnownHospital known{ml::rating_inputs_of(hospital), hospital.county_fips};
  const MeasureView& measures = snapshot.measures();
  ml::add_measure_inputs(known.inputs, [&](const std::string& measure_id) -> std::optional<double> {
    const auto measure = measures.find(measure_id);
    const StoredValue* value = measure ? measures.value_of(*index, *measure) : nullptr;
    return value ? value->value : std::nullopt;
  });
  return known;
}

const RatingPredictor& rating_predictor_or_503(const Snapshot& snapshot) {
  const ModelView* models = snapshot.models();
  if (!models || !models->rating()) {
    throw RequestError(503, ErrorCode::unavailable,
                       "no model trained: run 'hci train --model rating' on dataset " +
                           snapshot.dataset().version.substr(0, 12) + ", then reload the server");
  }
  return *models->rating();
}

// The prediction for a row with its context, what was imputed, and what moves it.
Json rating_answer(const Snapshot& snapshot, RatingRequest request) {
  const RatingPredictor& predictor = rating_predictor_or_503(snapshot);
  ml::RawRow& row = request.row;
  const auto state = row.categories.find("state");
  predictor.context.add_to(row, state == row.categories.end() ? "" : state->second, request.county_fips);
  const ml::FeatureMatrix encoded = predictor.encoder.encode({row});
  const double prediction = predictor.model.predict(encoded)[0];
  return {{"prediction", prediction},
          {"rating_estimate", std::clamp(static_cast<int>(std::lround(prediction)), 1, 5)},
          {"model_version", snapshot.models()->identity("rating")->second},
          {"cv_metrics", predictor.cv_metrics},
          {"imputed", predictor.encoder.missing_inputs(row)},
          {"imputation", "missing inputs follow the branch the model learned for missing values"},
          {"explanation", ml::explain_rating(predictor.model, encoded, kExplainedInputs)}};
}

HttpResponse predict_rating(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  auto lookup = [&snapshot](const std::string& id) { return known_hospital(snapshot, id); };
  RatingRequest request = parse_rating_request(context.request.header("content-type"), context.request.body, lookup);
  return object_response(snapshot, rating_answer(snapshot, std::move(request)));
}

HttpResponse explain_hospital_rating(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  query.finish();
  const std::size_t index = requested_hospital(context);
  auto known = *known_hospital(snapshot, snapshot.hospitals()[index].id);
  Json answer = rating_answer(snapshot, RatingRequest{std::move(known.inputs), std::move(known.county_fips)});
  const auto& rating = snapshot.hospitals()[index].rating;
  answer["cms_rating"] = rating ? Json(*rating) : Json(nullptr);
  return object_response(snapshot, answer);
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
  for (const auto& name : ml::rating_measure_inputs()) {
    properties[name] = {{"type", "number"},
                        {"minimum", -kMeasureInputBound},
                        {"maximum", kMeasureInputBound},
                        {"description", "the hospital's value of this CMS measure"}};
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
  router.add({"GET", "/api/v1/hospitals/{id}/rating-explanation", Scope::read, explain_hospital_rating,
              with_ccn_redirect(
                  operation("models",
                            "What moves a hospital's star: the rating model's prediction for the hospital as it is, "
                            "with XGBoost's contributions per input and group, beside CMS's rating; 503 until trained",
                            {path_parameter("id", "CMS Certification Number (Facility ID)")},
                            object_of(schema_ref("RatingPrediction")), {404, 503}))});
}

}  // namespace hci::server
