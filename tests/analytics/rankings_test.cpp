#include "analytics/rankings.hpp"

#include <gtest/gtest.h>

#include "analytics/statistics.hpp"

namespace hci::analytics {
namespace {

MetricTable table_with(std::vector<double> values) {
  MetricTable table;
  table.level = "state";
  for (std::size_t i = 0; i < values.size(); ++i) {
    table.keys.push_back("S" + std::to_string(i));
    table.names.push_back("State " + std::to_string(i));
    table.states.push_back(table.keys.back());
  }
  table.add(Metric{"m", "M", "", "", "", Direction::higher_is_better, std::move(values)});
  return table;
}

TEST(RankingsTest, TiesShareTheBestRankAndTheNextRankSkips) {
  const auto ranks = competition_ranks(std::vector<double>{5, 9, 9, 1, kMissing, 7}, true);
  EXPECT_EQ(ranks[1]->rank, 1);
  EXPECT_EQ(ranks[2]->rank, 1);
  EXPECT_TRUE(ranks[1]->tied);
  EXPECT_EQ(ranks[5]->rank, 3);
  EXPECT_FALSE(ranks[5]->tied);
  EXPECT_EQ(ranks[0]->rank, 4);
  EXPECT_EQ(ranks[3]->rank, 5);
  EXPECT_FALSE(ranks[4].has_value());
  EXPECT_EQ(ranks[0]->of, 5);
}

TEST(RankingsTest, ALimitNeverCutsInsideATieAndSaysSo) {
  const auto table = table_with({10, 8, 8, 8, 3});
  const auto ranking = rank_areas(table, table.metrics[0], true, 2);
  ASSERT_EQ(ranking.areas.size(), 4u);  // 10, then the three tied 8s
  EXPECT_EQ(ranking.included_for_ties, 2);
  const auto json = ranking_json(ranking);
  EXPECT_NE(json.at("ties").get<std::string>().find("2 added beyond the limit"), std::string::npos);
}

TEST(RankingsTest, AscendingOrderListsTheSmallestFirst) {
  const auto table = table_with({10, 8, kMissing, 3});
  const auto ranking = rank_areas(table, table.metrics[0], false, 10);
  ASSERT_EQ(ranking.areas.size(), 3u);
  EXPECT_EQ(ranking.areas[0].key, "S3");
  EXPECT_EQ(ranking.areas_with_value, 3);
}

}  // namespace
}  // namespace hci::analytics
