#pragma once
// Insights from the state series: infant mortality against coverage and income, cause-specific mortality
// extremes, and what Medicaid expansion did to the uninsured share and to enrollment.

#include <vector>

#include "analytics/insights.hpp"

namespace hci::analytics {

/// Appends every state-series insight whose test is significant, in a fixed order.
void add_state_series_insights(std::vector<Insight>& out, const InsightInputs& inputs);

}  // namespace hci::analytics
