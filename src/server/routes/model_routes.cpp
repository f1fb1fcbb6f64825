#include "server/routes/model_routes.hpp"

#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

const ModelView& require_models(const Snapshot& snapshot) {
  if (snapshot.models() == nullptr) {
    throw RequestError(503, ErrorCode::unavailable,
                       "no model trained yet for dataset " + snapshot.dataset().version.substr(0, 12) +
                           ": run 'hci train', then reload the server");
  }
  return *snapshot.models();
}

HttpResponse list_models(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  return object_response(*context.snapshot, require_models(*context.snapshot).summaries());
}

HttpResponse model_detail(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  const auto* model = require_models(*context.snapshot).describe(context.path_values[0]);
  if (!model) throw RequestError(404, ErrorCode::not_found, "no model named '" + context.path_values[0] + "'");
  return object_response(*context.snapshot, *model);
}

HttpResponse state_forecast(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  const Snapshot& snapshot = *context.snapshot;
  const StateProfile* state = snapshot.find_state(context.path_values[0]);
  if (!state) throw RequestError(404, ErrorCode::not_found, "no state '" + context.path_values[0] + "'");
  const ModelView& models = require_models(snapshot);
  const auto identity = models.identity("cost");
  const auto* forecast = models.state_forecast(state->code);
  if (!identity) throw RequestError(503, ErrorCode::unavailable, "the cost model is not trained: run 'hci train'");
  if (!forecast) throw RequestError(404, ErrorCode::not_found, "the cost model has no forecast for " + state->code);
  return object_response(snapshot, {{"state", state->code},
                                    {"model_version", identity->second},
                                    {"interval", "95% prediction interval"},
                                    {"targets", *forecast}});
}

HttpResponse clusters(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  const auto* result = require_models(*context.snapshot).clusters();
  if (!result) throw RequestError(503, ErrorCode::unavailable, "the clustering is not trained: run 'hci train'");
  return object_response(*context.snapshot, *result);
}

}  // namespace

void add_model_routes(Router& router) {
  router.add({"GET", "/api/v1/models", Scope::read, list_models,
              operation("models", "The registered models with their cross-validated metrics", {},
                        object_of(array_of("ModelSummary")), {503})});
  router.add({"GET", "/api/v1/models/{name}", Scope::read, model_detail,
              operation("models", "One model: features, parameters, metrics and details",
                        {path_parameter("name", "rating, cost, clusters or outcome")}, object_of(schema_ref("Model")),
                        {404, 503})});
  router.add({"GET", "/api/v1/states/{code}/forecast", Scope::read, state_forecast,
              operation("models", "Premium and Medicare spending forecasts for the next two years, with intervals",
                        {path_parameter("code", "USPS code or name")}, object_of(schema_ref("Forecast")), {404, 503})});
  router.add({"GET", "/api/v1/clusters", Scope::read, clusters,
              operation("models", "The state clusters with their profiles and labels", {},
                        object_of(schema_ref("Clusters")), {503})});
}

}  // namespace hci::server
