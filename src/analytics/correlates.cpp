#include "analytics/correlates.hpp"

#include <algorithm>
#include <cmath>

namespace hci::analytics {

std::optional<std::vector<Correlate>> correlates_of(const MetricTable& table, std::string_view x,
                                                    CorrelationMethod method) {
  const Metric* target = table.find(x);
  if (target == nullptr) return std::nullopt;
  std::vector<Correlate> out;
  for (const auto& metric : table.metrics) {
    if (&metric == target || is_interval_bound(metric.name)) continue;
    if (auto c = correlate(target->values, metric.values, method)) out.push_back({&metric, *c, 1});
  }
  std::vector<double> p_values;
  for (const auto& c : out) p_values.push_back(c.correlation.p_value);
  const auto adjusted = benjamini_hochberg(p_values);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].p_adjusted = adjusted[i];
  std::stable_sort(out.begin(), out.end(), [](const Correlate& a, const Correlate& b) {
    return std::fabs(a.correlation.r) > std::fabs(b.correlation.r);
  });
  return out;
}

}  // namespace hci::analytics
