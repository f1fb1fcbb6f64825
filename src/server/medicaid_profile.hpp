#pragma once
// The Medicaid parts of a state's profile: its expansion history and its monthly enrollment series.

#include <nlohmann/json.hpp>

#include "analytics/medicaid_expansion_status.hpp"
#include "core/medicaid_enrollment.hpp"

namespace hci::server {

/// {expanded, expanded_since, expanded_at_first_monthly_report, as_of, periods: [{from, to, expanded}]}.
nlohmann::ordered_json expansion_json(const analytics::ExpansionHistory& history);

/// Appends one month's report to `monthly` ({indicator: {unit, source, values: [{month, value[, preliminary]}]}}).
void add_monthly_report(nlohmann::ordered_json& monthly, const MedicaidEnrollment& report);

}  // namespace hci::server
