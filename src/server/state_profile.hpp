#pragma once
// A state's (or DC's or a territory's) hospital statistics, indicators by year and ranks.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/rankings.hpp"
#include "core/hospital.hpp"
#include "core/indicators.hpp"
#include "core/medicaid_enrollment.hpp"

namespace hci::server {

/// Everything the API says about one jurisdiction.
struct StateProfile {
  std::string code;
  std::string name;
  std::string kind;  // state, district, territory
  int hospital_count = 0;
  int rated_count = 0;
  int emergency_count = 0;
  std::optional<double> mean_rating;
  std::optional<double> population;  // latest Census estimate in the panel
  std::optional<int> population_year;
  std::optional<double> hospitals_per_100k;
  // Positions among the jurisdictions with the metric, highest first (competition ranks: 1, 2, 2, 4).
  std::optional<analytics::RankPosition> hospital_count_rank;
  std::optional<analytics::RankPosition> mean_rating_rank;
  std::optional<analytics::RankPosition> hospitals_per_100k_rank;
  nlohmann::ordered_json indicators;          // {indicator: {unit, source, values: [{year, value[, missing_reason]}]}}
  nlohmann::ordered_json monthly_indicators;  // {indicator: {unit, source, values: [{month, value}]}}, Medicaid
  nlohmann::ordered_json medicaid_expansion;  // expansion_json of the state's reports; null without reports
  std::string summary_text;                   // state_summary_json, rendered once at load
  std::string detail_text;                    // state_detail_json, rendered once at load
};

/// Builds the profiles of every jurisdiction that has hospitals or indicators, ordered by code, with the
/// monthly Medicaid reports (`medicaid` in state, month order) of those that have them.
std::vector<StateProfile> build_state_profiles(std::span<const Hospital> hospitals,
                                               std::span<const StateIndicator> indicators,
                                               std::span<const MedicaidEnrollment> medicaid);

/// The national ("US") rows of the panel as {indicator: {unit, source, values}}, shaped as a profile's indicators.
nlohmann::ordered_json national_indicators_json(std::span<const StateIndicator> indicators);

/// One value of an indicator series: {year, value}, with missing_reason when the value is null.
nlohmann::ordered_json indicator_value_json(const StateIndicator& indicator);

/// The summary object of a profile (no indicators), as listed by GET /states.
nlohmann::ordered_json state_summary_json(const StateProfile& profile);

/// The full object of a profile, as returned by GET /states/{code}.
nlohmann::ordered_json state_detail_json(const StateProfile& profile);

}  // namespace hci::server
