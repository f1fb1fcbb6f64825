#include "analytics/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "reference_values.hpp"

namespace hci::analytics {
namespace {

const nlohmann::json& blocks() { return testing::reference_values().at("building_blocks"); }

TEST(StatisticsTest, PearsonMatchesScipyOnPairwiseCompleteRows) {
  const auto& expected = blocks().at("correlation");
  const auto r =
      correlate(testing::column_of(blocks().at("x")), testing::column_of(blocks().at("y")), CorrelationMethod::pearson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->n, expected.at("n").get<std::size_t>());
  EXPECT_NEAR(r->r, expected.at("pearson_r").get<double>(), 1e-12);
  EXPECT_NEAR(r->p_value, expected.at("pearson_p").get<double>(), 1e-12);
  EXPECT_NEAR(r->ci_low, expected.at("pearson_ci")[0].get<double>(), 1e-12);
  EXPECT_NEAR(r->ci_high, expected.at("pearson_ci")[1].get<double>(), 1e-12);
}

TEST(StatisticsTest, SpearmanWithTiesMatchesScipy) {
  const auto& expected = blocks().at("correlation");
  const auto rho = correlate(testing::column_of(blocks().at("x")), testing::column_of(blocks().at("y")),
                             CorrelationMethod::spearman);
  ASSERT_TRUE(rho);
  EXPECT_NEAR(rho->r, expected.at("spearman_rho").get<double>(), 1e-12);
  EXPECT_NEAR(rho->p_value, expected.at("spearman_p").get<double>(), 1e-12);
}

TEST(StatisticsTest, AverageRanksMatchScipyRankdataAndKeepMissingValuesMissing) {
  const auto ranks = average_ranks(testing::column_of(blocks().at("x")));
  const auto expected = testing::column_of(blocks().at("ranks_of_x"));
  ASSERT_EQ(ranks.size(), expected.size());
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (!is_present(expected[i])) {
      EXPECT_FALSE(is_present(ranks[i]));
    } else {
      EXPECT_DOUBLE_EQ(ranks[i], expected[i]);
    }
  }
}

TEST(StatisticsTest, WelchAndOneSampleTTestsMatchScipy) {
  const auto& welch = blocks().at("welch");
  const auto test = welch_t_test(testing::column_of(welch.at("a")), testing::column_of(welch.at("b")));
  ASSERT_TRUE(test);
  EXPECT_NEAR(test->t, welch.at("t").get<double>(), 1e-12);
  EXPECT_NEAR(test->p_value, welch.at("p").get<double>(), 1e-12);
  const auto& one = blocks().at("one_sample");
  const auto paired = one_sample_t_test(testing::column_of(one.at("values")));
  ASSERT_TRUE(paired);
  EXPECT_NEAR(paired->t, one.at("t").get<double>(), 1e-12);
  EXPECT_NEAR(paired->p_value, one.at("p").get<double>(), 1e-12);
}

TEST(StatisticsTest, BenjaminiHochbergMatchesStatsmodels) {
  const auto& bh = blocks().at("bh");
  const auto adjusted = benjamini_hochberg(testing::column_of(bh.at("p")));
  const auto expected = testing::column_of(bh.at("adjusted"));
  ASSERT_EQ(adjusted.size(), expected.size());
  for (std::size_t i = 0; i < adjusted.size(); ++i) EXPECT_NEAR(adjusted[i], expected[i], 1e-15) << i;
}

TEST(StatisticsTest, QuantilesInterpolateLikeNumpy) {
  const auto& q = blocks().at("quantiles");
  const auto values = testing::column_of(q.at("values"));
  EXPECT_DOUBLE_EQ(*quantile(values, 0.1), q.at("q10").get<double>());
  EXPECT_DOUBLE_EQ(*median(values), q.at("q50").get<double>());
  EXPECT_DOUBLE_EQ(*quantile(values, 0.9), q.at("q90").get<double>());
}

TEST(StatisticsTest, TooFewPairsOrAConstantColumnGiveNoCorrelation) {
  const std::vector<double> x{1, 2, 3, kMissing, 5};
  const std::vector<double> y{2, kMissing, 4, 5, 6};
  EXPECT_FALSE(correlate(x, y, CorrelationMethod::pearson));  // 3 complete pairs
  const std::vector<double> constant{4, 4, 4, 4, 4};
  const std::vector<double> rising{1, 2, 3, 4, 5};
  EXPECT_FALSE(correlate(constant, rising, CorrelationMethod::spearman));
}

TEST(StatisticsTest, LineFitRecoversAnExactLine) {
  const std::vector<double> x{1, 2, 3, 4, kMissing};
  const std::vector<double> y{5, 7, 9, 11, 100};
  const auto fit = fit_line(x, y);
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->slope, 2.0, 1e-12);
  EXPECT_NEAR(fit->intercept, 3.0, 1e-12);
}

}  // namespace
}  // namespace hci::analytics
