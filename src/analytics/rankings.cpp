#include "analytics/rankings.hpp"

#include <algorithm>
#include <numeric>

#include "analytics/statistics.hpp"

namespace hci::analytics {

std::vector<std::optional<RankPosition>> competition_ranks(std::span<const double> values, bool descending) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (is_present(values[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return descending ? values[a] > values[b] : values[a] < values[b];
  });
  std::vector<std::optional<RankPosition>> ranks(values.size());
  const int of = static_cast<int>(order.size());
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first;
    while (last + 1 < order.size() && values[order[last + 1]] == values[order[first]]) ++last;
    for (std::size_t k = first; k <= last; ++k) {
      ranks[order[k]] = RankPosition{static_cast<int>(first) + 1, of, last > first};
    }
    first = last + 1;
  }
  return ranks;
}

Ranking rank_areas(const MetricTable& table, const Metric& metric, bool descending, std::size_t limit) {
  Ranking ranking;
  ranking.metric = &metric;
  ranking.descending = descending;
  const auto ranks = competition_ranks(metric.values, descending);
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i]) rows.push_back(i);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [&](std::size_t a, std::size_t b) { return ranks[a]->rank < ranks[b]->rank; });
  ranking.areas_with_value = static_cast<int>(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& position = *ranks[rows[i]];
    if (i >= limit && (ranking.areas.empty() || position.rank != ranking.areas.back().position.rank)) break;
    if (i >= limit) ++ranking.included_for_ties;
    ranking.areas.push_back(RankedArea{table.keys[rows[i]], table.names[rows[i]], metric.values[rows[i]], position});
  }
  return ranking;
}

nlohmann::ordered_json ranking_json(const Ranking& ranking) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  int tied = 0;
  for (const auto& area : ranking.areas) {
    tied += area.position.tied ? 1 : 0;
    entries.push_back({{"rank", area.position.rank},
                       {"tied", area.position.tied},
                       {"key", area.key},
                       {"name", area.name},
                       {"value", area.value}});
  }
  std::string ties = tied == 0 ? "no ties" : std::to_string(tied) + " listed areas share their value with another";
  if (ranking.included_for_ties > 0) {
    ties += "; " + std::to_string(ranking.included_for_ties) + " added beyond the limit because they tie with the last";
  }
  ties += "; ties share the best rank (competition ranking: 1, 2, 2, 4)";
  const Metric& m = *ranking.metric;
  return {{"metric", m.name},
          {"label", m.label},
          {"unit", m.unit},
          {"source", m.source},
          {"direction", direction_name(m.direction)},
          {"order", ranking.descending ? "desc" : "asc"},
          {"areas_with_value", ranking.areas_with_value},
          {"ties", ties},
          {"data", entries}};
}

}  // namespace hci::analytics
