#include "analytics/medicaid_expansion_analysis.hpp"

#include <array>
#include <map>

#include "analytics/difference_in_differences.hpp"
#include "analytics/medicaid_expansion_status.hpp"
#include "core/us_states.hpp"

namespace hci::analytics {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kAcaStartYear = 2014;
constexpr int kLastMonthTreatedSameYear = 6;  // adopted in January..June: treated from that year
constexpr EventWindow kWindow{-5, 8, -1};

// An outcome the analysis estimates, with the factor that puts it in the unit reported.
struct Outcome {
  const char* indicator;
  const char* label;
  const char* unit;
  double scale;
};

constexpr std::array kOutcomes{
    Outcome{"uninsured_share", "Uninsured share of the population (KFF from the ACS)", "percentage points", 100},
    Outcome{"medicaid_chip_enrollment_per_100", "Medicaid and CHIP enrollment per 100 residents (CMS)",
            "enrollees per 100 residents", 1},
};

// A group of states by expansion status.
struct Group {
  const char* name;
  const char* label;
};

constexpr const char* kExpanded2014 = "expanded_2014";
constexpr const char* kExpandedLater = "expanded_later";
constexpr const char* kNotExpanded = "not_expanded";

constexpr std::array kGroups{
    Group{kExpanded2014, "Expanded at the first monthly report (2017-06), dated 2014"},
    Group{kExpandedLater, "Expanded after 2017-06"},
    Group{kNotExpanded, "Not expanded at the latest report"},
};

constexpr const char* kAdoptionRule =
    "From data.medicaid.gov's 'State Expanded Medicaid' flag (Updated report, else Preliminary): a state is expanded "
    "from the first report of its final run of Y. States already Y at the first monthly report (2017-06) are dated "
    "2014, the ACA's start; any other state is treated from the year its flag turned Y when that was in January "
    "to June, else from the next year. 'Not expanded' states are Y in no report up to the latest.";

constexpr const char* kMethod =
    "Two-way fixed effects OLS, y = state + year + b * expanded + e, one observation per state and year (50 states "
    "and DC, unweighted), standard errors clustered by state (CR1: G/(G-1) * (N-1)/(N-K)), t with G - 1 degrees "
    "of freedom; event study with years since adoption binned to [-5, +8], -1 the reference.";

constexpr std::array kCaveats{
    "No ACS 1-year estimates for 2020 (the Census Bureau did not release them): the uninsured share has no 2020 "
    "value.",
    "The monthly enrollment file has a 2013-09 baseline and then reports from 2017-06: enrollment has no value "
    "for 2014-2016, so its estimate rests on 2013 against 2017 and later for the 2014 group.",
    "The file cannot date expansions before 2017-06: six of the 2014 group (AK, IN, LA, MT, NH, PA) expanded "
    "between August 2014 and July 2016, so their first treated years count as treated too early, which pulls the "
    "estimates towards zero.",
    "Adoption is staggered (2014 to 2024): a two-way fixed-effects estimate on all states also compares late "
    "expanders with early ones; the 2014-versus-never estimate avoids that comparison.",
    "Observational comparison: states chose to expand, and other policies changed at the same time (the ACA "
    "marketplaces from 2014, the COVID-19 continuous enrollment from 2020 to 2023).",
};

bool is_state_or_district(std::string_view code) {
  const auto jurisdiction = find_jurisdiction(code);
  return jurisdiction &&
         (jurisdiction->kind == JurisdictionKind::state || jurisdiction->kind == JurisdictionKind::district);
}

ExpansionAdoption adoption_of(const std::string& state, const ExpansionHistory& history) {
  ExpansionAdoption adoption{state, kNotExpanded, history.expanded_since, std::nullopt};
  if (!history.expanded_since) return adoption;
  const std::string& since = *history.expanded_since;
  if (since <= history.first_monthly_report) {
    adoption.group = kExpanded2014;
    adoption.adoption_year = kAcaStartYear;
  } else {
    adoption.group = kExpandedLater;
    const int year = std::stoi(since.substr(0, 4)), month = std::stoi(since.substr(5, 2));
    adoption.adoption_year = month <= kLastMonthTreatedSameYear ? year : year + 1;
  }
  return adoption;
}

// The outcome's state-year observations (scaled), for the states with an adoption entry.
std::vector<PanelObservation> panel_of(const Outcome& outcome, std::span<const StateIndicator> indicators,
                                       const std::map<std::string, const ExpansionAdoption*>& adoptions) {
  std::vector<PanelObservation> panel;
  for (const auto& indicator : indicators) {
    if (indicator.indicator != outcome.indicator || !indicator.value) continue;
    const auto adoption = adoptions.find(indicator.state);
    if (adoption == adoptions.end()) continue;
    panel.push_back(
        {indicator.state, indicator.year, *indicator.value * outcome.scale, adoption->second->adoption_year});
  }
  return panel;
}

Json estimate_json(const CoefficientEstimate& estimate) {
  return {{"effect", estimate.value},
          {"standard_error", estimate.standard_error},
          {"ci_95", {estimate.ci_low, estimate.ci_high}},
          {"t", estimate.t},
          {"df", estimate.df},
          {"p_value", estimate.p_value}};
}

Json did_json(const char* sample, const char* label, std::span<const PanelObservation> panel) {
  const auto did = two_way_fixed_effects(panel);
  Json entry = {{"sample", sample}, {"label", label}};
  entry["estimate"] = did ? estimate_json(did->effect) : Json(nullptr);
  if (!did) return entry;
  entry["observations"] = did->observations;
  entry["states"] = did->units;
  entry["treated_states"] = did->treated_units;
  entry["years"] = did->years;
  return entry;
}

Json event_study_json(std::span<const PanelObservation> panel) {
  Json study = Json::array();
  for (const auto& bin : event_study(panel, kWindow)) {
    Json entry = {{"event_time", bin.event_time}, {"reference", !bin.effect}, {"observations", bin.observations}};
    if (bin.effect) {
      entry.update(estimate_json(*bin.effect));
    } else {
      entry["effect"] = 0;
    }
    study.push_back(std::move(entry));
  }
  return study;
}

// Per group: the yearly mean over its states with a value, and the means before and since 2014.
Json group_trends_json(std::span<const PanelObservation> panel,
                       const std::map<std::string, const ExpansionAdoption*>& adoptions) {
  Json trends = Json::array();
  for (const auto& group : kGroups) {
    std::map<int, std::pair<double, int>> by_year;
    std::array<std::pair<double, int>, 2> periods{};  // before 2014, since 2014
    for (const auto& row : panel) {
      if (adoptions.at(row.unit)->group != group.name) continue;
      auto& year = by_year[row.year];
      year.first += row.outcome;
      ++year.second;
      auto& period = periods[row.year >= kAcaStartYear ? 1 : 0];
      period.first += row.outcome;
      ++period.second;
    }
    Json values = Json::array();
    for (const auto& [year, sum] : by_year) {
      values.push_back({{"year", year}, {"mean", sum.first / sum.second}, {"states", sum.second}});
    }
    const auto period_mean = [](const std::pair<double, int>& sum) {
      return sum.second > 0 ? Json(sum.first / sum.second) : Json(nullptr);
    };
    trends.push_back({{"group", group.name},
                      {"mean_before_2014", period_mean(periods[0])},
                      {"mean_since_2014", period_mean(periods[1])},
                      {"values", std::move(values)}});
  }
  return trends;
}

// The years between the first and last observed year with no observation (2020 for the ACS).
Json missing_years_json(std::span<const PanelObservation> panel) {
  std::map<int, bool> years;
  for (const auto& row : panel) years[row.year] = true;
  Json missing = Json::array();
  if (years.empty()) return missing;
  for (int year = years.begin()->first; year <= years.rbegin()->first; ++year) {
    if (!years.contains(year)) missing.push_back(year);
  }
  return missing;
}

Json outcome_json(const Outcome& outcome, std::span<const StateIndicator> indicators,
                  const std::map<std::string, const ExpansionAdoption*>& adoptions) {
  const auto panel = panel_of(outcome, indicators, adoptions);
  std::vector<PanelObservation> early_and_never;
  for (const auto& row : panel) {
    if (adoptions.at(row.unit)->group != kExpandedLater) early_and_never.push_back(row);
  }
  return {
      {"indicator", outcome.indicator},
      {"label", outcome.label},
      {"unit", outcome.unit},
      {"missing_years", missing_years_json(panel)},
      {"group_trends", group_trends_json(panel, adoptions)},
      {"estimates",
       {did_json("all_states", "All states and DC, staggered adoption", panel),
        did_json("expanded_2014_vs_not_expanded", "2014 expanders against states never expanded", early_and_never)}},
      {"event_study", event_study_json(panel)}};
}

}  // namespace

std::vector<ExpansionAdoption> expansion_adoptions(std::span<const MedicaidEnrollment> months) {
  std::vector<ExpansionAdoption> adoptions;
  for (const auto& [state, history] : expansion_histories(months)) {
    if (is_state_or_district(state)) adoptions.push_back(adoption_of(state, history));
  }
  return adoptions;
}

nlohmann::ordered_json medicaid_expansion_analysis(std::span<const StateIndicator> indicators,
                                                   std::span<const MedicaidEnrollment> months) {
  const auto adoptions = expansion_adoptions(months);
  std::map<std::string, const ExpansionAdoption*> by_state;
  for (const auto& adoption : adoptions) by_state[adoption.state] = &adoption;
  Json states = Json::array();
  for (const auto& adoption : adoptions) {
    states.push_back({{"state", adoption.state},
                      {"group", adoption.group},
                      {"expanded_since", adoption.expanded_since ? Json(*adoption.expanded_since) : Json(nullptr)},
                      {"adoption_year", adoption.adoption_year ? Json(*adoption.adoption_year) : Json(nullptr)}});
  }
  Json groups = Json::array();
  for (const auto& group : kGroups) {
    std::size_t count = 0;
    for (const auto& adoption : adoptions) count += adoption.group == group.name ? 1 : 0;
    groups.push_back({{"group", group.name}, {"label", group.label}, {"states", count}});
  }
  Json outcomes = Json::array();
  for (const auto& outcome : kOutcomes) outcomes.push_back(outcome_json(outcome, indicators, by_state));
  return {{"method", kMethod},           {"adoption_rule", kAdoptionRule}, {"caveats", kCaveats},
          {"groups", std::move(groups)}, {"states", std::move(states)},    {"outcomes", std::move(outcomes)}};
}

}  // namespace hci::analytics
