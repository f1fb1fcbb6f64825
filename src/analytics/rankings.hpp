#pragma once
// Ordering areas by a metric with competition ranks ("1, 2, 2, 4"), ties stated.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/metric_table.hpp"

namespace hci::analytics {

/// A position among the areas that have the metric; `tied` when another area shares the value.
struct RankPosition {
  int rank = 0;
  int of = 0;
  bool tied = false;
};

/// Competition ranks of every value (largest first when `descending`); missing values get no rank.
std::vector<std::optional<RankPosition>> competition_ranks(std::span<const double> values, bool descending);

/// One area of a ranking.
struct RankedArea {
  std::string key;
  std::string name;
  double value = 0;
  RankPosition position;
};

/// The first `limit` areas by a metric, plus any area tied with the last one (never cut inside a tie).
struct Ranking {
  const Metric* metric = nullptr;
  bool descending = true;
  std::vector<RankedArea> areas;
  int areas_with_value = 0;
  int included_for_ties = 0;  // areas beyond `limit` included because they tie with the last
};

/// Ranks the rows of `table` on `metric` (largest first when `descending`).
Ranking rank_areas(const MetricTable& table, const Metric& metric, bool descending, std::size_t limit);

/// The ranking as JSON: metric, order, entries with rank and tie flags, and a sentence on ties.
nlohmann::ordered_json ranking_json(const Ranking& ranking);

}  // namespace hci::analytics
