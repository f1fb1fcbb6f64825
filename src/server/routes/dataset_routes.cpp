#include "server/routes/dataset_routes.hpp"

#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/query_params.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

Json dataset_json(const DatasetInfo& dataset) {
  Json sources = Json::array();
  for (const auto& file : dataset.sources) {
    sources.push_back({{"name", file.name},
                       {"path", file.path},
                       {"sha256", file.sha256},
                       {"bytes", file.bytes},
                       {"rows", file.rows}});
  }
  return {{"version", dataset.version},
          {"created_at", dataset.created_at},
          {"is_current", dataset.is_current},
          {"hospital_count", dataset.hospital_count},
          {"quarantined_count", dataset.quarantined_count},
          {"sources", sources},
          {"summary", Json::parse(dataset.summary_json, nullptr, false)}};
}

HttpResponse dashboard_summary(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  return rendered_object_response(*context.snapshot, context.snapshot->summary_text());
}

HttpResponse list_datasets(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  Json list = Json::array();
  for (const auto& dataset : context.catalog->datasets()) list.push_back(dataset_json(dataset));
  return object_response(*context.snapshot, list);
}

HttpResponse dataset_quality(const RequestContext& context) {
  QueryReader(context.request.query).finish();
  const std::string& wanted = context.path_values[0];
  std::vector<const DatasetInfo*> found;
  for (const auto& dataset : context.catalog->datasets()) {
    if (wanted == "current" ? dataset.is_current : dataset.version.rfind(wanted, 0) == 0) found.push_back(&dataset);
  }
  if (wanted != "current" && wanted.size() < 4) {
    throw RequestError(400, ErrorCode::invalid_input, "a version prefix needs at least 4 characters",
                       {{"version", wanted, "shorter than 4 characters"}});
  }
  if (found.size() > 1) {
    throw RequestError(400, ErrorCode::invalid_input, "the version prefix matches several versions",
                       {{"version", wanted, "ambiguous"}});
  }
  if (found.empty()) throw RequestError(404, ErrorCode::not_found, "no stored dataset version '" + wanted + "'");
  return rendered_object_response(*context.snapshot, found.front()->quality_report_json);
}

}  // namespace

void add_dataset_routes(Router& router) {
  router.add(
      {"GET", "/api/v1/dashboard/summary", Scope::read, dashboard_summary,
       operation("dashboard", "Headline figures for the overview", {}, object_of(schema_ref("DashboardSummary")), {})});
  router.add({"GET", "/api/v1/datasets", Scope::read, list_datasets,
              operation("datasets", "Stored dataset versions, newest first", {}, object_of(array_of("Dataset")), {})});
  router.add({"GET", "/api/v1/datasets/{version}/quality", Scope::read, dataset_quality,
              operation("datasets", "The quality report of a version (hash prefix or 'current')",
                        {path_parameter("version", "a version hash prefix (4+ characters) or 'current'")},
                        object_of(schema_ref("QualityReport")), {400, 404})});
}

}  // namespace hci::server
