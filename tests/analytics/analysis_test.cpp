#include "analytics/analysis.hpp"

#include <gtest/gtest.h>

#include <set>

#include "analytics/area_tables.hpp"
#include "analytics/correlations.hpp"
#include "analytics/county_profiles.hpp"
#include "reference_values.hpp"
#include "store/store.hpp"
#include "support/ingested_store.hpp"

namespace hci::analytics {
namespace {

const nlohmann::json& real() { return testing::reference_values().at("real_data"); }

double cell(const MetricTable& table, std::string_view metric, std::string_view key) {
  return table.find(metric)->values[*table.row_of(key)];
}

void expect_matches_reference(const CorrelationMatrix& pearson, const CorrelationMatrix& spearman, const std::string& a,
                              const std::string& b, const nlohmann::json& expected) {
  const auto* p = pearson.find(a, b);
  const auto* s = spearman.find(a, b);
  ASSERT_TRUE(p && s) << a << " ~ " << b;
  EXPECT_EQ(p->correlation.n, expected.at("n").get<std::size_t>()) << a << " ~ " << b;
  EXPECT_NEAR(p->correlation.r, expected.at("pearson_r").get<double>(), 1e-9) << a << " ~ " << b;
  EXPECT_NEAR(p->correlation.p_value, expected.at("pearson_p").get<double>(),
              1e-9 * std::max(1e-300, expected.at("pearson_p").get<double>()) + 1e-300);
  EXPECT_NEAR(p->correlation.ci_low, expected.at("pearson_ci")[0].get<double>(), 1e-9);
  EXPECT_NEAR(p->correlation.ci_high, expected.at("pearson_ci")[1].get<double>(), 1e-9);
  EXPECT_NEAR(s->correlation.r, expected.at("spearman_rho").get<double>(), 1e-9) << a << " ~ " << b;
  EXPECT_NEAR(s->correlation.p_value, expected.at("spearman_p").get<double>(),
              1e-6 * expected.at("spearman_p").get<double>() + 1e-300);
}

std::pair<std::string, std::string> split_pair(const std::string& key) {
  const auto tilde = key.find('~');
  return {key.substr(0, tilde), key.substr(tilde + 1)};
}

TEST(AnalysisTest, StateHospitalStatisticsEqualAnIndependentCountOfTheCmsFile) {
  const auto states = build_state_table(testing::stored_tables());
  for (const auto& [code, expected] : real().at("hospitals").at("by_state").items()) {
    ASSERT_TRUE(states.row_of(code)) << code;
    EXPECT_EQ(cell(states, "hospital_count", code), expected.at("hospitals").get<double>()) << code;
    EXPECT_NEAR(cell(states, "emergency_services_share", code), expected.at("emergency_share").get<double>() * 100,
                1e-9)
        << code;
    EXPECT_NEAR(cell(states, "critical_access_share", code),
                expected.at("critical_access").get<double>() * 100 / expected.at("hospitals").get<double>(), 1e-9);
    if (expected.at("mean_rating").is_null()) {
      EXPECT_FALSE(is_present(cell(states, "mean_rating", code))) << code;
    } else {
      EXPECT_NEAR(cell(states, "mean_rating", code), expected.at("mean_rating").get<double>(), 1e-12) << code;
      EXPECT_DOUBLE_EQ(cell(states, "median_rating", code), expected.at("median_rating").get<double>()) << code;
    }
  }
}

TEST(AnalysisTest, CountyCorrelationsMatchScipyOnTheRawFile) {
  const auto counties = build_county_table(testing::stored_tables());
  const auto variables = default_correlation_variables("county");
  const auto pearson = correlation_matrix(counties, variables, CorrelationMethod::pearson);
  const auto spearman = correlation_matrix(counties, variables, CorrelationMethod::spearman);
  for (const auto& [key, expected] : real().at("county_correlations").items()) {
    const auto [a, b] = split_pair(key);
    expect_matches_reference(pearson, spearman, a, b, expected);
  }
}

TEST(AnalysisTest, StateCorrelationsMatchScipyOnTheRawFiles) {
  const auto states = build_state_table(testing::stored_tables());
  const auto variables = default_correlation_variables("state");
  const auto pearson = correlation_matrix(states, variables, CorrelationMethod::pearson);
  const auto spearman = correlation_matrix(states, variables, CorrelationMethod::spearman);
  for (const auto& [key, expected] : real().at("state_correlations").items()) {
    const auto [a, b] = split_pair(key);
    expect_matches_reference(pearson, spearman, a, b, expected);
  }
}

TEST(AnalysisTest, AdjustedPValuesAreNeverBelowTheRawOnes) {
  const auto counties = build_county_table(testing::stored_tables());
  const auto matrix = correlation_matrix(counties, default_correlation_variables("county"), CorrelationMethod::pearson);
  ASSERT_GT(matrix.cells.size(), 200u);
  for (const auto& c : matrix.cells) {
    EXPECT_GE(c.p_adjusted, c.correlation.p_value);
    EXPECT_LE(c.p_adjusted, 1.0);
  }
}

TEST(AnalysisTest, CountyBenchmarksAreTheTopPerformersPercentile) {
  const auto& tables = testing::stored_tables();
  const auto counties = build_county_table(tables);
  const auto benchmarks = county_benchmarks(counties, tables);
  for (const auto& b : benchmarks) {
    const Metric& metric = *counties.find(b.measure);
    if (b.measure == "life_expectancy") {
      EXPECT_EQ(b.percentile, 90);
      EXPECT_DOUBLE_EQ(b.benchmark, *quantile(metric.values, 0.9));
      EXPECT_NEAR(b.national_value, 77.55, 0.01);  // CHR's national row
    }
    if (b.measure == "adult_smoking") {
      EXPECT_DOUBLE_EQ(b.benchmark, *quantile(metric.values, 0.1));
    }
    if (b.measure == "population") {
      EXPECT_FALSE(is_present(b.benchmark));
    }
  }
}

TEST(AnalysisTest, EveryCountyMeasureShowsItsStateValueAndARankWithinTheState) {
  const auto& tables = testing::stored_tables();
  const auto counties = build_county_table(tables);
  const auto states = build_state_table(tables);
  const auto benchmarks = county_benchmarks(counties, tables);
  const auto travis = county_profile_json(counties, states, benchmarks, *counties.row_of("48453"), {});
  bool saw_life_expectancy = false;
  for (const auto& measure : travis.at("measures")) {
    if (measure.at("name") != "life_expectancy") continue;
    saw_life_expectancy = true;
    EXPECT_FALSE(measure.at("ci_95").is_null());
    EXPECT_LT(measure.at("ci_95")[0].get<double>(), measure.at("value").get<double>());
    EXPECT_FALSE(measure.at("state_value").is_null());
    EXPECT_EQ(measure.at("rank_in_state").at("of").get<int>() > 200, true);  // Texas has 254 counties
  }
  EXPECT_TRUE(saw_life_expectancy);
}

TEST(AnalysisTest, AnalysisIsDeterministicAndGivesAtLeastTenInsightsWithEvidence) {
  const auto& tables = testing::stored_tables();
  auto store = store::open_store(testing::ingested_store_uri());
  const auto access = store->zip_emergency_access(store->find_dataset("")->version);
  const auto first = run_analysis(tables, access);
  const auto second = run_analysis(tables, access);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].name, second[i].name);
    EXPECT_EQ(first[i].json, second[i].json) << first[i].name;
  }
  nlohmann::json insights;
  for (const auto& d : first) {
    if (d.name == documents::kInsights) insights = nlohmann::json::parse(d.json);
  }
  ASSERT_GE(insights.size(), 10u);
  const std::set<std::string> categories{"hospital", "cost", "demographic", "quality", "access"};
  std::set<std::string> ids;
  for (const auto& insight : insights) {
    EXPECT_TRUE(categories.count(insight.at("category").get<std::string>()));
    EXPECT_FALSE(insight.at("sentence").get<std::string>().empty());
    EXPECT_TRUE(ids.insert(insight.at("id").get<std::string>()).second) << "duplicate id";
    const auto& evidence = insight.at("evidence");
    EXPECT_TRUE(evidence.contains("test"));
    const char* p = evidence.contains("p_adjusted") ? "p_adjusted" : "p_value";
    if (evidence.contains(p)) {
      EXPECT_LT(evidence.at(p).get<double>(), 0.05) << insight.at("id");
    }
  }
}

TEST(AnalysisTest, MetricTablesSurviveTheirJsonRoundTrip) {
  const auto states = build_state_table(testing::stored_tables());
  const auto back = metric_table_from_json(metric_table_to_json(states));
  ASSERT_EQ(back.keys, states.keys);
  ASSERT_EQ(back.metrics.size(), states.metrics.size());
  for (std::size_t m = 0; m < states.metrics.size(); ++m) {
    for (std::size_t r = 0; r < states.keys.size(); ++r) {
      const double a = states.metrics[m].values[r], b = back.metrics[m].values[r];
      EXPECT_TRUE((is_present(a) && a == b) || (!is_present(a) && !is_present(b)));
    }
  }
}

}  // namespace
}  // namespace hci::analytics
