#pragma once
// "What goes with X": one metric against every other metric of its area table, strongest first.

#include <optional>
#include <string_view>
#include <vector>

#include "analytics/statistics.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// One other metric with its correlation to X and the Benjamini-Hochberg p-value over all of X's pairs.
struct Correlate {
  const Metric* metric = nullptr;
  Correlation correlation;
  double p_adjusted = 1;
};

/// Correlates `x` with every other metric of `table` (interval bounds such as *_ci_low left out) over
/// pairwise-complete rows, adjusts the p-values across those pairs, and orders them by |r|, largest first.
/// Metrics with too few complete rows are absent. Nullopt when `x` is not in the table.
std::optional<std::vector<Correlate>> correlates_of(const MetricTable& table, std::string_view x,
                                                    CorrelationMethod method);

}  // namespace hci::analytics
