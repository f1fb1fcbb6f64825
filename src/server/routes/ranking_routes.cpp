#include "server/routes/ranking_routes.hpp"

#include <array>

#include "analytics/rankings.hpp"
#include "analytics/statistics.hpp"
#include "core/text.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr std::array<std::string_view, 2> kLevels = {"state", "county"};
constexpr std::array<std::string_view, 4> kOrders = {"desc", "asc", "best", "worst"};
constexpr QueryParameter kMetric{.name = "metric",
                                 .type = ParameterType::identifier,
                                 .description = "metric name (default hospital_count; see /analytics/metrics)",
                                 .max_length = 80};
constexpr QueryParameter kOrder{.name = "order",
                                .type = ParameterType::choice,
                                .description = "desc (default), asc, or best/worst by the metric's direction",
                                .choices = kOrders};
constexpr QueryParameter kLimit{.name = "limit",
                                .type = ParameterType::integer,
                                .description = "areas to list (default 10; ties at the cut are kept)",
                                .minimum = 1,
                                .maximum = 1000};
constexpr QueryParameter kLevel{
    .name = "level", .type = ParameterType::choice, .description = "default state", .choices = kLevels};
constexpr QueryParameter kState{
    .name = "state", .description = "with level=county: counties of this state only", .max_length = 2};
constexpr QueryParameter kRankingParameters[] = {kMetric, kOrder, kLimit, kLevel, kState};

// "best"/"worst" follow the metric's direction; neutral metrics rank largest first as "best".
bool descending_for(std::string_view order, Direction direction) {
  if (order == "desc" || order == "asc") return order == "desc";
  const bool larger_is_better = direction != Direction::lower_is_better;
  return (order == "best") == larger_is_better;
}

HttpResponse rankings(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto level = query.choice(kLevel).value_or("state");
  const auto metric_name = query.text(kMetric).value_or("hospital_count");
  const auto order = query.choice(kOrder).value_or("desc");
  const auto limit = query.integer(kLimit).value_or(10);
  const auto state = query.text(kState);
  const AnalysisView& analysis = require_analysis(*context.snapshot, query);
  const auto& table = level == "county" ? analysis.counties() : analysis.states();
  const Metric* metric = table.find(metric_name);
  if (!metric)
    query.fail(kMetric.name, metric_name, "is not a metric of the " + level + " table (see /analytics/metrics)");
  if (state && level != "county") query.fail(kState.name, *state, "narrows county rankings only: add level=county");
  query.finish();
  Metric ranked = *metric;
  if (state) {  // counties of one state: hide the others
    for (std::size_t i = 0; i < table.keys.size(); ++i) {
      if (table.states[i] != to_upper_ascii(*state)) ranked.values[i] = kMissing;
    }
  }
  const auto ranking =
      analytics::rank_areas(table, ranked, descending_for(order, metric->direction), static_cast<std::size_t>(limit));
  auto body = analytics::ranking_json(ranking);
  body["level"] = level;
  return object_response(*context.snapshot, body);
}

}  // namespace

void add_ranking_routes(Router& router) {
  router.add({"GET", "/api/v1/rankings", Scope::read, rankings,
              operation("analytics", "Top or bottom areas by a metric, competition ranks, ties stated",
                        describe({kRankingParameters}), object_of(schema_ref("Ranking")), {400, 503})});
}

}  // namespace hci::server
