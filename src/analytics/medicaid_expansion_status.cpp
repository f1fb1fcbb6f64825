#include "analytics/medicaid_expansion_status.hpp"

namespace hci::analytics {

namespace {

// The pre-ACA baseline period of the file; the monthly series starts after it.
constexpr std::string_view kBaselineYear = "2013";

}  // namespace

std::map<std::string, ExpansionHistory> expansion_histories(std::span<const MedicaidEnrollment> months) {
  std::map<std::string, ExpansionHistory> histories;
  std::map<std::string, bool> seen_monthly;
  for (const auto& month : months) {
    ExpansionHistory& history = histories[month.state];
    const bool monthly = month.month.substr(0, 4) != kBaselineYear;
    if (monthly && !seen_monthly[month.state]) {
      seen_monthly[month.state] = true;
      history.first_monthly_report = month.month;
      history.expanded_at_first_monthly_report = month.expanded;
    }
    if (history.periods.empty() || history.periods.back().expanded != month.expanded) {
      history.periods.push_back({month.month, month.month, month.expanded});
    } else {
      history.periods.back().to = month.month;
    }
  }
  for (auto& [state, history] : histories) {
    if (!history.periods.empty() && history.periods.back().expanded)
      history.expanded_since = history.periods.back().from;
  }
  return histories;
}

}  // namespace hci::analytics
