#pragma once
// Insights from the hospital quality measures: how readmissions, survival, hospital-acquired conditions,
// spending and payments relate to star ratings, ownership, rurality and the areas hospitals serve.

#include <vector>

#include "analytics/insights.hpp"

namespace hci::analytics {

/// Appends every measure insight whose test is significant, in a fixed order.
void add_measure_insights(std::vector<Insight>& out, const InsightInputs& inputs);

}  // namespace hci::analytics
