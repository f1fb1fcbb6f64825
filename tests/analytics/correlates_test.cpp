// "What goes with life expectancy": every other county measure ranked by |r|, each coefficient equal to
// scipy's on the raw file, with Benjamini-Hochberg adjusted p-values over the family.

#include "analytics/correlates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "analytics/area_tables.hpp"
#include "reference_values.hpp"
#include "support/ingested_store.hpp"

namespace hci::analytics {
namespace {

TEST(CorrelatesTest, LifeExpectancyAgainstEveryCountyMeasureStrongestFirstAsScipyComputes) {
  const auto counties = build_county_table(testing::stored_tables());
  const auto correlates = correlates_of(counties, "life_expectancy", CorrelationMethod::pearson);
  ASSERT_TRUE(correlates);
  EXPECT_GT(correlates->size(), 70u);  // every CHR measure, not the 22 of the matrix
  for (std::size_t i = 1; i < correlates->size(); ++i) {
    EXPECT_GE(std::fabs((*correlates)[i - 1].correlation.r), std::fabs((*correlates)[i].correlation.r));
  }
  std::vector<double> p_values;
  for (const auto& c : *correlates) {
    EXPECT_NE(c.metric->name, "life_expectancy");
    EXPECT_FALSE(c.metric->name.ends_with("_ci_low") || c.metric->name.ends_with("_ci_high")) << c.metric->name;
    EXPECT_GE(c.p_adjusted, c.correlation.p_value);
    p_values.push_back(c.correlation.p_value);
  }
  const auto adjusted = benjamini_hochberg(p_values);
  for (std::size_t i = 0; i < correlates->size(); ++i) EXPECT_DOUBLE_EQ((*correlates)[i].p_adjusted, adjusted[i]);
  std::size_t checked = 0;
  for (const auto& [key, expected] : testing::reference_values().at("real_data").at("county_correlations").items()) {
    if (!key.starts_with("life_expectancy~")) continue;
    const auto other = key.substr(key.find('~') + 1);
    const auto it = std::find_if(correlates->begin(), correlates->end(),
                                 [&](const Correlate& c) { return c.metric->name == other; });
    ASSERT_NE(it, correlates->end()) << other;
    EXPECT_NEAR(it->correlation.r, expected.at("pearson_r").get<double>(), 1e-9) << other;
    EXPECT_EQ(it->correlation.n, expected.at("n").get<std::size_t>()) << other;
    ++checked;
  }
  EXPECT_GE(checked, 6u);
}

TEST(CorrelatesTest, AnUnknownMetricHasNoCorrelates) {
  const auto counties = build_county_table(testing::stored_tables());
  EXPECT_FALSE(correlates_of(counties, "no_such_metric", CorrelationMethod::spearman));
}

}  // namespace
}  // namespace hci::analytics
