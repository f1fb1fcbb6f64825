#include "server/routes/pipeline_routes.hpp"

#include "server/openapi.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

HttpResponse pipeline_runs(const RequestContext& context) {
  QueryReader query(context.request.query);
  PageRequest page{query.integer("limit", 1, 200).value_or(20), query.integer("offset", 0, 200).value_or(0),
                   std::nullopt};
  query.finish();
  std::vector<Json> runs;
  for (const auto& run : context.catalog->pipeline_runs()) runs.push_back(pipeline_run_json(run));
  std::vector<const Json*> items;
  for (const auto& run : runs) items.push_back(&run);
  return json_list_response(context, items, page, nullptr);
}

}  // namespace

void add_pipeline_routes(Router& router) {
  router.add({"GET", "/api/v1/pipeline/runs", Scope::read, pipeline_runs,
              operation("pipeline", "Recent pipeline runs (newest first) with every task attempt",
                        {query_parameter("limit", integer_schema(1, 200), "runs per page (default 20)"),
                         query_parameter("offset", integer_schema(0, 200), "runs to skip")},
                        list_of("PipelineRun"), {400})});
}

}  // namespace hci::server
