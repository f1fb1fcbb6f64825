#include "ingest/medicaid_enrollment_panel.hpp"

#include <algorithm>
#include <array>

#include "core/us_states.hpp"

namespace hci::ingest {

namespace {

constexpr const char* kSource = "medicaid_enrollment";
constexpr const char* kMeanUnit = "enrollees, mean of the year's reported months";
constexpr const char* kPer100Unit = "enrollees per 100 residents";

// The enrollment figures also given per 100 residents.
constexpr std::array kPer100Figures{"medicaid_chip_enrollment", "medicaid_enrollment"};

// The number of jurisdictions a national sum needs: the 50 states and DC.
std::size_t states_and_dc() {
  std::size_t count = 0;
  for (const auto& j : all_jurisdictions())
    count += j.kind == JurisdictionKind::state || j.kind == JurisdictionKind::district;
  return count;
}

StateIndicator yearly(const std::string& state, int year, std::string indicator, double value, std::string unit) {
  StateIndicator item;
  item.state = state;
  item.year = year;
  item.indicator = std::move(indicator);
  item.value = value;
  item.unit = std::move(unit);
  item.source = kSource;
  return item;
}

}  // namespace

void MedicaidEnrollmentPanel::add_population(const StateIndicator& indicator) {
  const bool estimate = indicator.indicator == "population";
  if (!indicator.value || (!estimate && indicator.indicator != "coverage_total_population")) return;
  auto [it, inserted] = population_.try_emplace({indicator.state, indicator.year}, *indicator.value, estimate);
  if (!inserted && estimate) it->second = {*indicator.value, true};
}

void MedicaidEnrollmentPanel::add(const MedicaidEnrollment& month) {
  Year& year = years_[{month.state, std::stoi(month.month.substr(0, 4))}];
  for (const auto& figure : kMedicaidFigures) {
    const auto& value = month.*figure.field;
    if (!figure.yearly || !value) continue;
    Mean& mean = year.figures[figure.indicator];
    mean.sum += *value;
    ++mean.months;
  }
  if (month.month > year.last_month) {
    year.last_month = month.month;
    year.expanded_last_month = month.expanded;
  }
}

void MedicaidEnrollmentPanel::add_per_100(std::vector<StateIndicator>& out, const std::string& state, int year,
                                          const std::string& name, double enrollees) const {
  const bool per_100 = std::find(kPer100Figures.begin(), kPer100Figures.end(), name) != kPer100Figures.end();
  const auto population = population_.find({state, year});
  if (!per_100 || population == population_.end() || population->second.first <= 0) return;
  out.push_back(yearly(state, year, name + "_per_100", 100.0 * enrollees / population->second.first, kPer100Unit));
}

void MedicaidEnrollmentPanel::add_state_year(std::vector<StateIndicator>& out, const std::string& state, int year,
                                             const Year& data) const {
  for (const auto& [name, mean] : data.figures) {
    const double value = mean.sum / mean.months;
    out.push_back(yearly(state, year, name, value, kMeanUnit));
    add_per_100(out, state, year, name, value);
  }
  out.push_back(yearly(state, year, "medicaid_expanded", data.expanded_last_month ? 1.0 : 0.0,
                       "1 when Medicaid was expanded in the year's last reported month, else 0"));
}

void MedicaidEnrollmentPanel::add_national(std::vector<StateIndicator>& out) const {
  std::map<std::pair<std::string, int>, std::pair<double, std::size_t>> sums;  // (indicator, year): sum, states
  for (const auto& item : out) {
    if (item.unit != kMeanUnit) continue;
    auto& [sum, states] = sums[{item.indicator, item.year}];
    sum += *item.value;
    ++states;
  }
  const std::size_t needed = states_and_dc();
  for (const auto& [key, total] : sums) {
    if (total.second < needed) continue;
    const auto& [name, year] = key;
    out.push_back(yearly("US", year, name, total.first, kMeanUnit));
    add_per_100(out, "US", year, name, total.first);
  }
}

std::vector<StateIndicator> MedicaidEnrollmentPanel::indicators() const {
  std::vector<StateIndicator> out;
  for (const auto& [key, data] : years_) add_state_year(out, key.first, key.second, data);
  add_national(out);
  return out;
}

}  // namespace hci::ingest
