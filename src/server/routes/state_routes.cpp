#include "server/routes/state_routes.hpp"

#include "server/openapi.hpp"
#include "server/pagination.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr QueryParameter kStatesLimit{.name = "limit",
                                      .type = ParameterType::integer,
                                      .description = "page size (default 100)",
                                      .minimum = 1,
                                      .maximum = kMaxPageSize};

HttpResponse list_states(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  const PageRequest page{query.integer(kStatesLimit).value_or(100), 0, std::nullopt};
  query.finish();
  const auto states = snapshot.states();
  const PageSlice slice{0, std::min(states.size(), static_cast<std::size_t>(page.limit))};
  auto write_items = [&](std::string& out) {
    for (std::size_t i = slice.begin; i < slice.end; ++i) {
      if (i > 0) out += ',';
      out += states[i].summary_text;
    }
  };
  return list_response(context.request, write_items, states.size(), page, slice, snapshot.dataset().version,
                       snapshot.source_text(), "");
}

HttpResponse state_detail(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  query.finish();
  const StateProfile* state = snapshot.find_state(context.path_values[0]);
  if (state == nullptr) {
    throw RequestError(404, ErrorCode::not_found,
                       "no state, DC or territory '" + context.path_values[0] + "' in this dataset");
  }
  return rendered_object_response(snapshot, state->detail_text);
}

// One indicator of every state's `series_of` (yearly or monthly indicators): the series a trend chart draws.
HttpResponse indicator_series(const RequestContext& context, nlohmann::ordered_json StateProfile::*series_of,
                              std::string_view what) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  query.finish();
  const std::string& name = context.path_values[0];
  Json series = Json::array();
  Json unit, source;
  for (const auto& state : snapshot.states()) {
    const auto& indicators = state.*series_of;
    auto it = indicators.find(name);
    if (it == indicators.end()) continue;
    unit = it->at("unit");
    source = it->at("source");
    series.push_back({{"state", state.code}, {"name", state.name}, {"values", it->at("values")}});
  }
  if (series.empty()) {
    throw RequestError(404, ErrorCode::not_found,
                       "no " + std::string(what) + " state indicator named '" + name + "' in this dataset");
  }
  return object_response(snapshot, {{"indicator", name}, {"unit", unit}, {"source", source}, {"series", series}});
}

HttpResponse indicator_panel(const RequestContext& context) {
  return indicator_series(context, &StateProfile::indicators, "yearly");
}

HttpResponse monthly_indicator_panel(const RequestContext& context) {
  return indicator_series(context, &StateProfile::monthly_indicators, "monthly");
}

}  // namespace

void add_state_routes(Router& router) {
  router.add({"GET", "/api/v1/indicators/{name}", Scope::read, indicator_panel,
              operation("states", "One panel indicator for every state and year (for trend charts)",
                        {path_parameter("name", "an indicator, e.g. aca_marketplace_benchmark_premium")},
                        object_of(schema_ref("IndicatorPanel")), {404})});
  router.add({"GET", "/api/v1/indicators/{name}/monthly", Scope::read, monthly_indicator_panel,
              operation("states", "One monthly Medicaid and CHIP figure for every state (CMS's Updated reports)",
                        {path_parameter("name", "a monthly figure, e.g. medicaid_chip_enrollment")},
                        object_of(schema_ref("MonthlyIndicatorPanel")), {404})});
  router.add({"GET", "/api/v1/states", Scope::read, list_states,
              operation("states", "Every state, DC and territory with hospital statistics and ranks",
                        {describe(kStatesLimit)}, list_of("State"), {400})});
  router.add({"GET", "/api/v1/states/{code}", Scope::read, state_detail,
              operation("states", "A state's statistics, ranks and indicators by year",
                        {path_parameter("code", "USPS code or full name, any case (TX, texas)")},
                        object_of(schema_ref("StateDetail")), {404})});
}

}  // namespace hci::server
