#include "analytics/analysis.hpp"

#include "analytics/access.hpp"
#include "analytics/area_tables.hpp"
#include "analytics/correlations.hpp"
#include "analytics/county_profiles.hpp"
#include "analytics/hospital_stats.hpp"
#include "analytics/insights.hpp"
#include "analytics/medicaid_expansion_analysis.hpp"
#include "analytics/rankings.hpp"

namespace hci::analytics {

namespace {

constexpr std::size_t kCareDeserts = 50;

// Per state: the hospital statistics and its rank on every metric of the state table (best first where
// the metric has a direction, largest first otherwise).
nlohmann::ordered_json state_profiles_json(const MetricTable& states, const std::vector<Hospital>& hospitals) {
  std::map<std::string, std::vector<const Hospital*>> by_state;
  for (const auto& h : hospitals) by_state[h.state].push_back(&h);
  std::vector<std::vector<std::optional<RankPosition>>> ranks;
  for (const auto& metric : states.metrics) {
    ranks.push_back(competition_ranks(metric.values, metric.direction != Direction::lower_is_better));
  }
  nlohmann::ordered_json profiles = nlohmann::ordered_json::object();
  for (std::size_t row = 0; row < states.keys.size(); ++row) {
    nlohmann::ordered_json metric_ranks = nlohmann::ordered_json::object();
    for (std::size_t m = 0; m < states.metrics.size(); ++m) {
      if (!ranks[m][row] || is_interval_bound(states.metrics[m].name)) continue;  // a CI bound is not ranked
      metric_ranks[states.metrics[m].name] = {{"value", states.metrics[m].values[row]},
                                              {"rank", ranks[m][row]->rank},
                                              {"of", ranks[m][row]->of},
                                              {"tied", ranks[m][row]->tied}};
    }
    const auto& group = by_state[states.keys[row]];
    profiles[states.keys[row]] = {{"hospital_statistics", hospital_stats_json(summarize_hospitals(group))},
                                  {"metrics", std::move(metric_ranks)}};
  }
  return profiles;
}

AnalysisDocument document(std::string name, const nlohmann::ordered_json& body) {
  return AnalysisDocument{std::move(name), body.dump()};
}

AnalysisDocument document(std::string name, const nlohmann::json& body) {
  return AnalysisDocument{std::move(name), body.dump()};
}

}  // namespace

std::string documents::correlations(std::string_view level, std::string_view method) {
  return "correlations_" + std::string(level) + "_" + std::string(method);
}

std::vector<AnalysisDocument> run_analysis(const DatasetTables& tables, std::span<const ZipAccess> access) {
  const MetricTable states = build_state_table(tables);
  const MetricTable counties = build_county_table(tables);
  std::vector<AnalysisDocument> out;
  out.push_back(document(documents::kStateTable, metric_table_to_json(states)));
  out.push_back(document(documents::kCountyTable, metric_table_to_json(counties)));
  out.push_back(document(documents::kCountyBenchmarks, benchmarks_to_json(county_benchmarks(counties, tables))));
  out.push_back(document(documents::kStateProfiles, state_profiles_json(states, tables.of<Hospital>())));
  std::map<std::string, CorrelationMatrix> pearson;
  for (const MetricTable* table : {&states, &counties}) {
    const auto variables = default_correlation_variables(table->level);
    for (auto method : {CorrelationMethod::pearson, CorrelationMethod::spearman}) {
      auto matrix = correlation_matrix(*table, variables, method);
      out.push_back(document(documents::correlations(table->level, correlation_method_name(method)),
                             correlation_matrix_json(matrix)));
      if (method == CorrelationMethod::pearson) pearson.emplace(table->level, std::move(matrix));
    }
  }
  const auto expansion = medicaid_expansion_analysis(tables.of<StateIndicator>(), tables.of<MedicaidEnrollment>());
  const auto insights = generate_insights(
      InsightInputs{states, counties, pearson.at("state"), pearson.at("county"), tables, access, &expansion});
  out.push_back(document(documents::kInsights, insights_json(insights)));
  out.push_back(document(documents::kAccess, access_analysis_json(access, kCareDeserts)));
  out.push_back(document(documents::kMedicaidExpansion, expansion));
  return out;
}

}  // namespace hci::analytics
