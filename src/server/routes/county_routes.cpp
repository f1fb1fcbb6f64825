#include "server/routes/county_routes.hpp"

#include "core/text.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr QueryParameter kState{.name = "state", .description = "USPS code", .max_length = 2};

HttpResponse list_counties(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto state = query.text(kState);
  const PageRequest page = read_page_request(query, context.snapshot->dataset().version);
  query.finish();
  const auto& counties = require_analysis(*context.snapshot).counties();
  std::vector<Json> summaries;
  for (std::size_t row = 0; row < counties.keys.size(); ++row) {
    if (!state || counties.states[row] == to_upper_ascii(*state)) {
      summaries.push_back(analytics::county_summary_json(counties, row));
    }
  }
  return json_list_response(context, summaries, page, "fips");
}

HttpResponse county_detail(const RequestContext& context) {
  QueryReader query(context.request.query);
  query.finish();
  const std::string& fips = context.path_values[0];
  if (fips.size() != 5 || !is_all_digits(fips)) {
    throw RequestError(404, ErrorCode::not_found, "no county with FIPS '" + fips + "': a FIPS code is 5 digits");
  }
  const AnalysisView& analysis = require_analysis(*context.snapshot);
  const auto row = analysis.counties().row_of(context.path_values[0]);
  if (!row) {
    throw RequestError(404, ErrorCode::not_found,
                       "no county with FIPS '" + context.path_values[0] + "' in County Health Rankings");
  }
  const auto hospitals = analysis.hospitals_in_county(context.path_values[0]);
  auto profile =
      analytics::county_profile_json(analysis.counties(), analysis.states(), analysis.benchmarks(), *row, hospitals);
  const ModelView* models = context.snapshot->models();
  const auto* predicted = models ? models->county_life_expectancy(context.path_values[0]) : nullptr;
  if (predicted) {
    profile["life_expectancy_model"] = *predicted;
    profile["life_expectancy_model"]["model_version"] = models->identity("outcome")->second;
    profile["life_expectancy_model"]["kind"] = "out-of-fold prediction: the model never saw this county";
  }
  return object_response(*context.snapshot, profile);
}

}  // namespace

void add_county_routes(Router& router) {
  router.add({"GET", "/api/v1/counties", Scope::read, list_counties,
              operation("counties", "Counties with rurality, population, hospitals and life expectancy",
                        describe({page_parameters(), {&kState, 1}}), list_of("County"), {400, 503})});
  router.add({"GET", "/api/v1/counties/{fips}", Scope::read, county_detail,
              operation("counties",
                        "A county's measures beside its state value and the national benchmark, ranked "
                        "within the state",
                        {path_parameter("fips", "5-digit county FIPS code")}, object_of(schema_ref("CountyProfile")),
                        {404, 503})});
}

}  // namespace hci::server
