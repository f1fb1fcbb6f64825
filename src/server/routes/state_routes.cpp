#include "server/routes/state_routes.hpp"

#include <algorithm>
#include <map>

#include "core/indicator_catalog.hpp"
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

// An indicator's catalogue entry for readers, or null when the catalogue does not know it.
Json definition_json(const std::string& name) {
  const auto* d = find_indicator_definition(name);
  if (d == nullptr) return nullptr;
  return {{"name", d->name},
          {"label", d->label},
          {"definition", d->definition},
          {"publisher", d->publisher},
          {"display_unit", d->display_unit},
          {"scale", d->scale},
          {"direction", direction_name(d->direction)}};
}

// One indicator of every state's `series_of` (yearly or monthly): {indicator, unit, source, series}, the
// series a trend chart draws; 404 when no state has it.
Json indicator_series(const Snapshot& snapshot, const std::string& name, Json StateProfile::*series_of,
                      std::string_view what) {
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
  return {{"indicator", name}, {"unit", unit}, {"source", source}, {"series", series}};
}

// A yearly indicator for every state, with its definition and the national series where the publisher gives one.
HttpResponse indicator_panel(const RequestContext& context) {
  QueryReader query(context.request.query);
  query.finish();
  const Snapshot& snapshot = *context.snapshot;
  const std::string& name = context.path_values[0];
  Json panel = indicator_series(snapshot, name, &StateProfile::indicators, "yearly");
  panel["about"] = definition_json(name);
  const auto& nation = snapshot.national_indicators();
  const auto it = nation.find(name);
  panel["united_states"] = it == nation.end() ? Json(nullptr) : Json{{"values", it->at("values")}};
  return object_response(snapshot, panel);
}

HttpResponse monthly_indicator_panel(const RequestContext& context) {
  QueryReader query(context.request.query);
  query.finish();
  return object_response(*context.snapshot, indicator_series(*context.snapshot, context.path_values[0],
                                                             &StateProfile::monthly_indicators, "monthly"));
}

// What one yearly indicator covers: its years and how many jurisdictions report it.
struct IndicatorCoverage {
  int first_year = 0;
  int last_year = 0;
  int jurisdictions = 0;
};

// Every yearly indicator a state has, with its definition, years, coverage and whether a national series exists.
HttpResponse list_indicators(const RequestContext& context) {
  QueryReader query(context.request.query);
  query.finish();
  const Snapshot& snapshot = *context.snapshot;
  std::map<std::string, IndicatorCoverage> coverage;
  for (const auto& state : snapshot.states()) {
    for (const auto& [name, indicator] : state.indicators.items()) {
      auto& entry = coverage[name];
      for (const auto& value : indicator.at("values")) {
        const int year = value.at("year").get<int>();
        entry.first_year = entry.first_year == 0 ? year : std::min(entry.first_year, year);
        entry.last_year = std::max(entry.last_year, year);
      }
      ++entry.jurisdictions;
    }
  }
  Json list = Json::array();
  for (const auto& [name, entry] : coverage) {
    list.push_back({{"indicator", name},
                    {"about", definition_json(name)},
                    {"first_year", entry.first_year},
                    {"last_year", entry.last_year},
                    {"jurisdictions", entry.jurisdictions},
                    {"national", snapshot.national_indicators().contains(name)}});
  }
  return object_response(snapshot, {{"indicators", list}});
}

}  // namespace

void add_state_routes(Router& router) {
  router.add({"GET", "/api/v1/indicators", Scope::read, list_indicators,
              operation("states", "Every yearly state indicator with its definition, publisher, years and coverage", {},
                        object_of(schema_ref("IndicatorCatalog")), {})});
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
