#pragma once
// What Medicaid expansion did: states grouped by when they expanded, group trends, a difference-in-differences
// estimate with state and year fixed effects, and an event study, for the uninsured share and enrollment.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/indicators.hpp"
#include "core/medicaid_enrollment.hpp"

namespace hci::analytics {

/// When a state counts as expanded, read from the monthly reports' flag.
struct ExpansionAdoption {
  std::string state;
  std::string group;                          // "expanded_2014", "expanded_later" or "not_expanded"
  std::optional<std::string> expanded_since;  // YYYY-MM, first report of the final expanded run
  std::optional<int> adoption_year;           // first treated year; none when not expanded
};

/// Each state's and DC's adoption (territories left out), in code order. A state already expanded at the first
/// monthly report (2017-06) is dated 2014, the ACA's start: the file cannot date it more precisely. Any other
/// state is treated from the year its flag turned Y when that was in January to June, else from the next year.
std::vector<ExpansionAdoption> expansion_adoptions(std::span<const MedicaidEnrollment> months);

/// The stored analysis (document "medicaid_expansion"): the adoption rule and table, group sizes, and per
/// outcome (uninsured share, Medicaid and CHIP enrollment per 100 residents) the yearly group means, means before
/// and since 2014, two difference-in-differences estimates (all states; 2014 expanders against never-expanders)
/// and the event study on all states, with the caveats.
nlohmann::ordered_json medicaid_expansion_analysis(std::span<const StateIndicator> indicators,
                                                   std::span<const MedicaidEnrollment> months);

}  // namespace hci::analytics
