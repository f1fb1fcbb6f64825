#include "server/state_profile.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "core/us_states.hpp"
#include "server/medicaid_profile.hpp"

namespace hci::server {

namespace {

using ProfileMetric = std::function<std::optional<double>(const StateProfile&)>;
using RankSlot = std::optional<analytics::RankPosition> StateProfile::*;

// Competition ranks, highest value first, among the profiles where the metric exists.
void assign_ranks(std::vector<StateProfile>& profiles, const ProfileMetric& metric, RankSlot slot) {
  std::vector<double> values;
  for (const auto& profile : profiles) values.push_back(metric(profile).value_or(kMissing));
  const auto ranks = analytics::competition_ranks(values, true);
  for (std::size_t i = 0; i < profiles.size(); ++i) profiles[i].*slot = ranks[i];
}

StateProfile& profile_for(std::map<std::string, StateProfile>& profiles, const std::string& code) {
  auto [it, inserted] = profiles.try_emplace(code);
  if (inserted) {
    const auto jurisdiction = find_jurisdiction(code);
    it->second.code = code;
    it->second.name = jurisdiction ? std::string(jurisdiction->name) : code;
    it->second.kind = jurisdiction ? std::string(jurisdiction_kind_name(jurisdiction->kind)) : "state";
    it->second.indicators = nlohmann::ordered_json::object();
    it->second.monthly_indicators = nlohmann::ordered_json::object();
  }
  return it->second;
}

void add_hospital(StateProfile& profile, const Hospital& hospital, double& rating_sum) {
  ++profile.hospital_count;
  if (hospital.emergency_services) ++profile.emergency_count;
  if (hospital.rating) {
    ++profile.rated_count;
    rating_sum += *hospital.rating;
  }
}

void add_indicator(StateProfile& profile, const StateIndicator& indicator) {
  auto& entry = profile.indicators[indicator.indicator];
  if (entry.is_null()) {
    entry = {{"unit", indicator.unit}, {"source", indicator.source}, {"values", nlohmann::ordered_json::array()}};
  }
  entry["values"].push_back(indicator_value_json(indicator));
  if (indicator.indicator == "population" && indicator.value &&
      (!profile.population_year || indicator.year > *profile.population_year)) {
    profile.population = indicator.value;
    profile.population_year = indicator.year;
  }
}

nlohmann::ordered_json rank_json(const std::optional<analytics::RankPosition>& rank) {
  if (!rank) return nullptr;
  return {{"rank", rank->rank}, {"of", rank->of}, {"tied", rank->tied}};
}

template <typename T>
nlohmann::ordered_json nullable(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::vector<StateProfile> build_state_profiles(std::span<const Hospital> hospitals,
                                               std::span<const StateIndicator> indicators,
                                               std::span<const MedicaidEnrollment> medicaid) {
  std::map<std::string, StateProfile> by_code;
  std::map<std::string, double> rating_sums;
  for (const auto& hospital : hospitals)
    add_hospital(profile_for(by_code, hospital.state), hospital, rating_sums[hospital.state]);
  for (const auto& indicator : indicators) {
    if (indicator.state != "US") add_indicator(profile_for(by_code, indicator.state), indicator);
  }
  for (const auto& report : medicaid) add_monthly_report(profile_for(by_code, report.state).monthly_indicators, report);
  for (const auto& [code, history] : analytics::expansion_histories(medicaid)) {
    profile_for(by_code, code).medicaid_expansion = expansion_json(history);
  }
  std::vector<StateProfile> profiles;
  for (auto& [code, profile] : by_code) {
    if (profile.rated_count > 0) profile.mean_rating = rating_sums[code] / profile.rated_count;
    if (profile.population && *profile.population > 0) {
      profile.hospitals_per_100k = profile.hospital_count * 100000.0 / *profile.population;
    }
    profiles.push_back(std::move(profile));
  }
  assign_ranks(
      profiles, [](const StateProfile& p) -> std::optional<double> { return p.hospital_count; },
      &StateProfile::hospital_count_rank);
  assign_ranks(
      profiles, [](const StateProfile& p) { return p.mean_rating; }, &StateProfile::mean_rating_rank);
  assign_ranks(
      profiles, [](const StateProfile& p) { return p.hospitals_per_100k; }, &StateProfile::hospitals_per_100k_rank);
  for (auto& profile : profiles) {
    profile.summary_text = state_summary_json(profile).dump();
    profile.detail_text = state_detail_json(profile).dump();
  }
  return profiles;
}

nlohmann::ordered_json state_summary_json(const StateProfile& p) {
  return {{"code", p.code},
          {"name", p.name},
          {"kind", p.kind},
          {"hospital_count", p.hospital_count},
          {"rated_count", p.rated_count},
          {"mean_rating", nullable(p.mean_rating)},
          {"emergency_services_count", p.emergency_count},
          {"population", nullable(p.population)},
          {"population_year", nullable(p.population_year)},
          {"hospitals_per_100k", nullable(p.hospitals_per_100k)},
          {"ranks",
           {{"hospital_count", rank_json(p.hospital_count_rank)},
            {"mean_rating", rank_json(p.mean_rating_rank)},
            {"hospitals_per_100k", rank_json(p.hospitals_per_100k_rank)}}}};
}

nlohmann::ordered_json state_detail_json(const StateProfile& profile) {
  nlohmann::ordered_json object = state_summary_json(profile);
  object["indicators"] = profile.indicators;
  object["medicaid_expansion"] = profile.medicaid_expansion;
  return object;
}

nlohmann::ordered_json national_indicators_json(std::span<const StateIndicator> indicators) {
  StateProfile nation;
  nation.indicators = nlohmann::ordered_json::object();
  for (const auto& indicator : indicators) {
    if (indicator.state == "US") add_indicator(nation, indicator);
  }
  return nation.indicators;
}

nlohmann::ordered_json indicator_value_json(const StateIndicator& indicator) {
  nlohmann::ordered_json value = {{"year", indicator.year}, {"value", nullable(indicator.value)}};
  if (!indicator.value) value["missing_reason"] = indicator.missing_reason;
  return value;
}

}  // namespace hci::server
