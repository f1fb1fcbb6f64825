#pragma once
// Each state's Medicaid expansion history, read from the monthly reports' "State Expanded Medicaid" flag.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/medicaid_enrollment.hpp"

namespace hci::analytics {

/// A run of consecutive reports with the same expansion flag.
struct ExpansionPeriod {
  std::string from;  // YYYY-MM, the run's first report
  std::string to;    // YYYY-MM, its last report
  bool expanded = false;
};

/// A state's expansion flag over time.
struct ExpansionHistory {
  std::vector<ExpansionPeriod> periods;           // in time order
  std::optional<std::string> expanded_since;      // first report of the final expanded run; none if not expanded now
  std::string first_monthly_report;               // YYYY-MM of the state's first report after the 2013 baseline
  bool expanded_at_first_monthly_report = false;  // expanded in that report
};

/// Every state's history, by USPS code. `months` are in state, month order (as ingest emits them). The
/// 2013-09 baseline report comes before any expansion and is not a "monthly report" in the sense above.
std::map<std::string, ExpansionHistory> expansion_histories(std::span<const MedicaidEnrollment> months);

}  // namespace hci::analytics
