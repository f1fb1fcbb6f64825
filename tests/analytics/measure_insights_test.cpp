// The hospital measures in the area tables and the insights drawn from them, checked against pandas and
// SciPy computed straight from the CMS files (reference/make_reference.py).

#include "analytics/measure_insights.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "analytics/area_tables.hpp"
#include "analytics/correlations.hpp"
#include "reference_values.hpp"
#include "support/ingested_store.hpp"

namespace hci::analytics {
namespace {

const nlohmann::json& expected() { return testing::reference_values().at("real_data").at("measures"); }

// The measure insights of the stored fixture dataset.
const std::vector<Insight>& measure_insights() {
  static const std::vector<Insight> insights = [] {
    const auto& tables = testing::stored_tables();
    const MetricTable states = build_state_table(tables);
    const MetricTable counties = build_county_table(tables);
    const auto state_variables = default_correlation_variables("state");
    const auto county_variables = default_correlation_variables("county");
    const auto state_matrix = correlation_matrix(states, state_variables, CorrelationMethod::pearson);
    const auto county_matrix = correlation_matrix(counties, county_variables, CorrelationMethod::pearson);
    std::vector<Insight> out;
    add_measure_insights(out, InsightInputs{states, counties, state_matrix, county_matrix, tables, {}, nullptr});
    return out;
  }();
  return insights;
}

const Insight& insight(std::string_view id) {
  const auto& all = measure_insights();
  const auto it = std::find_if(all.begin(), all.end(), [&](const Insight& i) { return i.id == id; });
  if (it == all.end()) throw std::runtime_error("no insight " + std::string(id));
  return *it;
}

TEST(MeasureInsightsTest, StatesCarryTheDischargeWeightedHeartFailureRatioPandasComputes) {
  const MetricTable states = build_state_table(testing::stored_tables());
  const Metric* hf = states.find("readm_30_hf_hrrp");
  ASSERT_NE(hf, nullptr);
  EXPECT_EQ(hf->direction, Direction::lower_is_better);
  EXPECT_NE(hf->label.find("case-weighted"), std::string::npos);
  for (const auto& [code, value] : expected().at("state_hf_readmission_weighted").items()) {
    ASSERT_TRUE(states.row_of(code)) << code;
    EXPECT_NEAR(hf->values[*states.row_of(code)], value.get<double>(), 1e-12) << code;
  }
  const MetricTable counties = build_county_table(testing::stored_tables());
  const Metric* county_hf = counties.find("readm_30_hf_hrrp");
  ASSERT_NE(county_hf, nullptr);
  EXPECT_GT(present_values(county_hf->values).size(), 1000u);  // counties whose hospitals report the ratio
}

TEST(MeasureInsightsTest, TopRatedHospitalsReadmitFewerHeartFailurePatientsAsScipySays) {
  const auto& evidence = insight("hospital-hf-readmission-top-vs-bottom-rated").evidence;
  const auto& reference = expected().at("hf_readmission_top_vs_bottom");
  EXPECT_EQ(evidence.at("groups")[0].at("n"), reference.at("n")[0]);
  EXPECT_EQ(evidence.at("groups")[1].at("n"), reference.at("n")[1]);
  EXPECT_NEAR(evidence.at("groups")[0].at("mean").get<double>(), reference.at("means")[0].get<double>(), 1e-12);
  EXPECT_NEAR(evidence.at("statistic").get<double>(), reference.at("t").get<double>(), 1e-9);
  EXPECT_NEAR(evidence.at("p_value").get<double>(), reference.at("p").get<double>(),
              1e-6 * reference.at("p").get<double>());
}

TEST(MeasureInsightsTest, HigherSpendingPerBeneficiaryGoesWithFewerStarsAsScipySays) {
  const auto& evidence = insight("hospital-mspb_1-vs-rating").evidence;
  const auto& reference = expected().at("mspb_vs_rating");
  EXPECT_EQ(evidence.at("n"), reference.at("n"));
  EXPECT_NEAR(evidence.at("rho").get<double>(), reference.at("rho").get<double>(), 1e-9);
  EXPECT_NEAR(evidence.at("p_value").get<double>(), reference.at("p").get<double>(),
              1e-6 * reference.at("p").get<double>());
  EXPECT_NE(insight("hospital-mspb_1-vs-rating").sentence.find("lower star ratings"), std::string::npos);
}

TEST(MeasureInsightsTest, HacPaymentReductionSharesByOwnershipAreTheFilesCounts) {
  const auto& groups = insight("hospital-hac-payment-reduction-by-ownership").evidence.at("groups");
  for (const auto& group : groups) {
    const auto& reference = expected().at("hac_payment_reduction").at(group.at("name").get<std::string>());
    EXPECT_EQ(group.at("n").get<double>(), reference.at("n").get<double>());
    EXPECT_EQ(group.at("penalised").get<double>(), reference.at("penalised").get<double>());
  }
}

TEST(MeasureInsightsTest, AreaAndRuralityInsightsCarryTheirTestsAndDirection) {
  // Counties with more child poverty have hospitals with higher heart failure readmission ratios.
  const auto& poverty = insight("county-children_in_poverty-readm_30_hf_hrrp").evidence;
  EXPECT_GT(poverty.at("r").get<double>(), 0);
  EXPECT_GT(poverty.at("n").get<int>(), 1000);
  EXPECT_LT(poverty.at("p_adjusted").get<double>(), kSignificance);
  // States whose Medicare spends more per enrollee have hospitals with higher MSPB.
  EXPECT_GT(insight("state-medicare_spending_per_enrollee-mspb_1").evidence.at("r").get<double>(), 0);
  // Heart failure survival is lower in rural hospitals than in large metro ones.
  const auto& survival = insight("hospital-hf-survival-metro-vs-rural").evidence;
  EXPECT_GT(survival.at("difference").get<double>(), 0);
  EXPECT_GT(survival.at("groups")[1].at("n").get<int>(), 100);
}

}  // namespace
}  // namespace hci::analytics
