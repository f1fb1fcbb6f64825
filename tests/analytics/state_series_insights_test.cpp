// The insights drawn from the state series, checked against pandas, SciPy and statsmodels computed straight
// from the raw files (reference/make_state_series_reference.py).

#include "analytics/state_series_insights.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "analytics/area_tables.hpp"
#include "analytics/correlations.hpp"
#include "analytics/medicaid_expansion_analysis.hpp"
#include "reference_values.hpp"
#include "support/ingested_store.hpp"

namespace hci::analytics {
namespace {

constexpr double kTolerance = 1e-9;

const nlohmann::json& expected() { return testing::state_series_reference_values(); }

// The state-series insights of the stored snapshot.
const std::vector<Insight>& state_series_insights() {
  static const std::vector<Insight> insights = [] {
    const auto& tables = testing::stored_tables();
    const MetricTable states = build_state_table(tables);
    const MetricTable counties = build_county_table(tables);
    const auto state_matrix =
        correlation_matrix(states, default_correlation_variables("state"), CorrelationMethod::pearson);
    const auto county_matrix = correlation_matrix(counties, {}, CorrelationMethod::pearson);
    const auto expansion = medicaid_expansion_analysis(tables.of<StateIndicator>(), tables.of<MedicaidEnrollment>());
    std::vector<Insight> out;
    add_state_series_insights(out,
                              InsightInputs{states, counties, state_matrix, county_matrix, tables, {}, &expansion});
    return out;
  }();
  return insights;
}

const Insight* find_insight(std::string_view id) {
  const auto& all = state_series_insights();
  const auto it = std::find_if(all.begin(), all.end(), [&](const Insight& i) { return i.id == id; });
  return it == all.end() ? nullptr : &*it;
}

TEST(StateSeriesInsightsTest, InfantMortalityFallsWithIncomeAsScipyComputesIt) {
  const Insight* insight = find_insight("infant-mortality-vs-median_household_income_real");
  ASSERT_NE(insight, nullptr);
  const auto& reference = expected().at("insights").at("infant_mortality_against_income");
  EXPECT_NEAR(insight->evidence.at("r").get<double>(), reference.at("r").get<double>(), kTolerance);
  EXPECT_EQ(insight->evidence.at("n"), reference.at("n"));
  EXPECT_NE(insight->sentence.find("lower infant mortality rate (2023)"), std::string::npos) << insight->sentence;
}

TEST(StateSeriesInsightsTest, EnrollmentRoseUnderContinuousEnrollmentAndFellWithTheUnwinding) {
  const Insight* insight = find_insight("medicaid-enrollment-continuous-enrollment-and-unwinding");
  ASSERT_NE(insight, nullptr);
  const auto& reference = expected().at("insights").at("enrollment_cycle");
  EXPECT_EQ(insight->evidence.at("n"), reference.at("n"));
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(insight->evidence.at("means")[i].get<double>(), reference.at("means")[i].get<double>(), 1e-6);
  }
  EXPECT_NEAR(insight->evidence.at("rise").at("statistic").get<double>(), reference.at("rise_t").get<double>(), 1e-6);
  EXPECT_NEAR(insight->evidence.at("fall").at("statistic").get<double>(), reference.at("fall_t").get<double>(), 1e-6);
}

TEST(StateSeriesInsightsTest, CauseExtremesAreTheWidestSpreadsWhoseHighestStateIsAnOutlier) {
  std::vector<std::pair<double, std::string>> outliers;  // (ratio, NCHS cause name) of causes with z > 2
  for (const auto& [cause, spread] : expected().at("insights").at("cause_extremes").items()) {
    if (spread.at("z").get<double>() > 2) outliers.emplace_back(spread.at("ratio").get<double>(), cause);
  }
  std::sort(outliers.rbegin(), outliers.rend());
  std::size_t checked = 0;
  for (const auto& insight : state_series_insights()) {
    if (!insight.id.starts_with("cause-of-death-extremes-")) continue;
    ASSERT_LT(checked, outliers.size());
    const auto& reference = expected().at("insights").at("cause_extremes").at(outliers[checked].second);
    EXPECT_NEAR(insight.evidence.at("ratio").get<double>(), reference.at("ratio").get<double>(), kTolerance);
    EXPECT_NEAR(insight.evidence.at("highest").at("z").get<double>(), reference.at("z").get<double>(), kTolerance);
    EXPECT_NE(insight.sentence.find(reference.at("highest").get<std::string>()), std::string::npos) << insight.sentence;
    EXPECT_NE(insight.sentence.find(reference.at("lowest").get<std::string>()), std::string::npos) << insight.sentence;
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

TEST(StateSeriesInsightsTest, ExpansionInsightsQuoteTheStatsmodelsEstimates) {
  for (const auto& outcome : expected().at("outcomes")) {
    const Insight* insight = find_insight("medicaid-expansion-" + outcome.at("indicator").get<std::string>());
    ASSERT_NE(insight, nullptr) << outcome.at("indicator");
    EXPECT_NEAR(insight->evidence.at("effect").get<double>(), outcome.at("all_states").at("effect").get<double>(),
                1e-6);
    EXPECT_NEAR(insight->evidence.at("p_value").get<double>(), outcome.at("all_states").at("p_value").get<double>(),
                1e-6);
  }
}

}  // namespace
}  // namespace hci::analytics
