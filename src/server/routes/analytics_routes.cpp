#include "server/routes/analytics_routes.hpp"

#include <array>

#include "analytics/correlates.hpp"
#include "analytics/statistics.hpp"
#include "core/text.hpp"
#include "core/us_states.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr std::array<std::string_view, 2> kLevels = {"state", "county"};
constexpr std::array<std::string_view, 2> kMethods = {"pearson", "spearman"};
constexpr std::array<std::string_view, 5> kCategories = {"hospital", "cost", "demographic", "quality", "access"};
constexpr QueryParameter kLevel{
    .name = "level", .type = ParameterType::choice, .description = "default state", .choices = kLevels};
constexpr QueryParameter kMethod{
    .name = "method", .type = ParameterType::choice, .description = "default pearson", .choices = kMethods};
constexpr QueryParameter kCorrelationParameters[] = {kLevel, kMethod};
constexpr QueryParameter kX{
    .name = "x", .type = ParameterType::identifier, .description = "metric name", .max_length = 80, .required = true};
constexpr QueryParameter kY{
    .name = "y", .type = ParameterType::identifier, .description = "metric name", .max_length = 80, .required = true};
constexpr QueryParameter kPairParameters[] = {kLevel, kX, kY};
constexpr QueryParameter kCorrelatesParameters[] = {kLevel, kMethod, kX};
constexpr QueryParameter kCategory{
    .name = "category", .type = ParameterType::choice, .description = "only this category", .choices = kCategories};
constexpr QueryParameter kAccessState{
    .name = "state", .description = "USPS code: that state's summary and counties", .max_length = 2};
constexpr QueryParameter kAccessLevel{.name = "level",
                                      .type = ParameterType::choice,
                                      .description = "county: every county's summary in the national answer",
                                      .choices = kLevels};
constexpr QueryParameter kAccessParameters[] = {kAccessState, kAccessLevel};
constexpr QueryParameter kMetrics{
    .name = "metrics", .type = ParameterType::list, .description = "comma-separated metric names", .max_items = 200};
constexpr QueryParameter kMetricsParameters[] = {kLevel, kMetrics};

const MetricTable& table_of(const AnalysisView& analysis, std::string_view level) {
  return level == "county" ? analysis.counties() : analysis.states();
}

HttpResponse correlations(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto level = query.choice(kLevel).value_or("state");
  const auto method = query.choice(kMethod).value_or("pearson");
  query.finish();
  const auto* matrix = require_analysis(*context.snapshot, query).correlations(level, method);
  if (matrix == nullptr)
    throw RequestError(503, ErrorCode::unavailable, "no " + level + " " + method + " matrix stored");
  return rendered_object_response(*context.snapshot, *matrix);
}

Json metric_json(const Metric& metric) {
  return {{"name", metric.name}, {"label", metric.label}, {"unit", metric.unit}, {"source", metric.source}};
}

Json correlation_json(const std::optional<analytics::Correlation>& c, const char* coefficient) {
  if (!c) return nullptr;
  return {{coefficient, c->r}, {"p_value", c->p_value}, {"ci_95", {c->ci_low, c->ci_high}}, {"n", c->n}};
}

// The scatter of two metrics with both coefficients and the least-squares line, for the heatmap's drill-down.
HttpResponse correlation_pair(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto level = query.choice(kLevel).value_or("state");
  const auto x_name = query.text(kX);
  const auto y_name = query.text(kY);
  const auto& table = table_of(require_analysis(*context.snapshot, query), level);
  const Metric* x = x_name ? table.find(*x_name) : nullptr;
  const Metric* y = y_name ? table.find(*y_name) : nullptr;
  if (x_name && !x) query.fail(kX.name, *x_name, "is not a metric of the " + level + " table");
  if (y_name && !y) query.fail(kY.name, *y_name, "is not a metric of the " + level + " table");
  query.finish();
  Json points = Json::array();
  for (std::size_t i = 0; i < table.keys.size(); ++i) {
    if (!is_present(x->values[i]) || !is_present(y->values[i])) continue;
    points.push_back({{"key", table.keys[i]}, {"name", table.names[i]}, {"x", x->values[i]}, {"y", y->values[i]}});
  }
  const auto fit = analytics::fit_line(x->values, y->values);
  return object_response(
      *context.snapshot,
      {{"level", level},
       {"x", metric_json(*x)},
       {"y", metric_json(*y)},
       {"n", points.size()},
       {"pearson",
        correlation_json(analytics::correlate(x->values, y->values, analytics::CorrelationMethod::pearson), "r")},
       {"spearman",
        correlation_json(analytics::correlate(x->values, y->values, analytics::CorrelationMethod::spearman), "rho")},
       {"fit", fit ? Json{{"slope", fit->slope}, {"intercept", fit->intercept}} : Json(nullptr)},
       {"points", points}});
}

// One metric against every other metric of its table, strongest first: "what goes with X".
HttpResponse correlates(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto level = query.choice(kLevel).value_or("state");
  const auto method = query.choice(kMethod).value_or("pearson");
  const auto x_name = query.text(kX);
  const auto& table = table_of(require_analysis(*context.snapshot, query), level);
  const auto found = x_name ? analytics::correlates_of(table, *x_name,
                                                       method == "spearman" ? analytics::CorrelationMethod::spearman
                                                                            : analytics::CorrelationMethod::pearson)
                            : std::nullopt;
  if (x_name && !found) query.fail(kX.name, *x_name, "is not a metric of the " + level + " table");
  query.finish();
  Json list = Json::array();
  for (const auto& c : *found) {
    list.push_back({{"metric", metric_json(*c.metric)},
                    {"r", c.correlation.r},
                    {"ci_95", {c.correlation.ci_low, c.correlation.ci_high}},
                    {"n", c.correlation.n},
                    {"p_value", c.correlation.p_value},
                    {"p_adjusted", c.p_adjusted}});
  }
  return object_response(*context.snapshot,
                         {{"level", level},
                          {"method", method},
                          {"x", metric_json(*table.find(*x_name))},
                          {"correlates", list},
                          {"notes", "pairwise-complete rows; p-values adjusted with Benjamini-Hochberg over the " +
                                        std::to_string(list.size()) + " pairs of this metric"}});
}

HttpResponse insights(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto category = query.choice(kCategory);
  const PageRequest page = read_page_request(query, context.snapshot->dataset().version);
  query.finish();
  std::vector<const Json*> items;
  for (const auto& insight : require_analysis(*context.snapshot, query).insights()) {
    if (!category || insight.at("category") == *category) items.push_back(&insight);
  }
  return json_list_response(context, items, page, "id");
}

HttpResponse access(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto state = query.text(kAccessState);
  const auto level = query.choice(kAccessLevel).value_or("state");
  query.finish();
  const Json& all = require_analysis(*context.snapshot, query).access();
  if (!state) {
    Json national = all;
    if (level != "county") national.erase("counties");
    return object_response(*context.snapshot, national);
  }
  const std::string code = to_upper_ascii(*state);
  const auto jurisdiction = find_jurisdiction(code);
  for (const auto& entry : all.at("states")) {
    if (entry.at("state") != code || !jurisdiction) continue;
    Json counties = Json::array();
    for (const auto& county : all.at("counties")) {
      if (county.at("county_fips").get_ref<const std::string&>().starts_with(jurisdiction->fips)) {
        counties.push_back(county);
      }
    }
    return object_response(*context.snapshot, {{"method", all.at("method")},
                                               {"thresholds_km", all.at("thresholds_km")},
                                               {"national", all.at("national")},
                                               {"state", entry},
                                               {"counties", counties}});
  }
  throw RequestError(404, ErrorCode::not_found, "no ZIP centroids of '" + code + "' in the access analysis");
}

HttpResponse medicaid_expansion(const RequestContext& context) {
  QueryReader query(context.request.query);
  query.finish();
  const std::string* analysis = require_analysis(*context.snapshot, query).medicaid_expansion();
  if (analysis == nullptr) {
    throw RequestError(503, ErrorCode::unavailable,
                       "this version was analysed before the Medicaid expansion analysis existed: run 'hci analyze'");
  }
  return rendered_object_response(*context.snapshot, *analysis);
}

// A metric table, optionally reduced to some metrics (for a choropleth or a scatter).
HttpResponse metrics(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto level = query.choice(kLevel).value_or("state");
  const auto names = query.list(kMetrics);
  const auto& table = table_of(require_analysis(*context.snapshot, query), level);
  MetricTable selected = table;
  if (names) {
    selected.metrics.clear();
    for (const auto& name : *names) {
      if (const auto* metric = table.find(name)) {
        selected.metrics.push_back(*metric);
      } else {
        query.fail(kMetrics.name, name, "is not a metric of the " + level + " table");
      }
    }
  }
  query.finish();
  return rendered_object_response(*context.snapshot, metric_table_to_json(selected).dump());
}

}  // namespace

void add_analytics_routes(Router& router) {
  router.add({"GET", "/api/v1/analytics/correlations", Scope::read, correlations,
              operation("analytics", "Correlation matrix with n, p, 95% CI and Benjamini-Hochberg adjusted p",
                        describe({kCorrelationParameters}), object_of(schema_ref("CorrelationMatrix")), {400, 503})});
  router.add({"GET", "/api/v1/analytics/correlations/pair", Scope::read, correlation_pair,
              operation("analytics", "Scatter of two metrics with Pearson r, Spearman rho, p, n and the fitted line",
                        describe({kPairParameters}), object_of(schema_ref("CorrelationPair")), {400, 503})});
  router.add({"GET", "/api/v1/analytics/correlates", Scope::read, correlates,
              operation("analytics", "One metric against every other metric of its area table, strongest first",
                        describe({kCorrelatesParameters}), object_of(schema_ref("Correlates")), {400, 503})});
  router.add({"GET", "/api/v1/analytics/insights", Scope::read, insights,
              operation("analytics", "Generated insights, each with its test and numbers",
                        describe({page_parameters(), {&kCategory, 1}}), list_of("Insight"), {400, 503})});
  router.add({"GET", "/api/v1/analytics/access", Scope::read, access,
              operation("analytics", "Distance from ZIP centroids to the nearest emergency hospital; care deserts",
                        describe({kAccessParameters}), object_of(schema_ref("Access")), {400, 404, 503})});
  router.add({"GET", "/api/v1/analytics/medicaid-expansion", Scope::read, medicaid_expansion,
              operation("analytics",
                        "Medicaid expansion: states by adoption, group trends, difference-in-differences with state "
                        "and year fixed effects (clustered by state) and an event study, for the uninsured share and "
                        "enrollment per 100",
                        {}, object_of(schema_ref("MedicaidExpansionAnalysis")), {400, 503})});
  router.add({"GET", "/api/v1/analytics/metrics", Scope::read, metrics,
              operation("analytics", "Every metric of every state or county (the table behind maps and rankings)",
                        describe({kMetricsParameters}), object_of(schema_ref("MetricTable")), {400, 503})});
}

}  // namespace hci::server
