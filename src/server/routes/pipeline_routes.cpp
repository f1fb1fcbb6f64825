#include "server/routes/pipeline_routes.hpp"

#include "server/openapi.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr QueryParameter kRunsLimit{.name = "limit",
                                    .type = ParameterType::integer,
                                    .description = "runs per page (default 20)",
                                    .minimum = 1,
                                    .maximum = StoreCatalog::kRunsKept};
constexpr QueryParameter kRunsOffset{.name = "offset",
                                     .type = ParameterType::integer,
                                     .description = "runs to skip",
                                     .minimum = 0,
                                     .maximum = StoreCatalog::kRunsKept};
constexpr QueryParameter kRunsParameters[] = {kRunsLimit, kRunsOffset};

HttpResponse pipeline_runs(const RequestContext& context) {
  QueryReader query(context.request.query);
  PageRequest page{query.integer(kRunsLimit).value_or(20), query.integer(kRunsOffset).value_or(0), std::nullopt};
  query.finish();
  std::vector<Json> runs;
  for (const auto& run : context.catalog->pipeline_runs()) runs.push_back(pipeline_run_json(run));
  return json_list_response(context, runs, page, nullptr);
}

}  // namespace

void add_pipeline_routes(Router& router) {
  router.add({"GET", "/api/v1/pipeline/runs", Scope::read, pipeline_runs,
              operation("pipeline", "Recent pipeline runs (newest first) with every task attempt",
                        describe({kRunsParameters}), list_of("PipelineRun"), {400})});
}

}  // namespace hci::server
