#include "core/indicator_catalog.hpp"

#include <algorithm>

#include "core/causes_of_death.hpp"

namespace hci {

namespace {

constexpr const char* kKffCoverage =
    "KFF State Health Facts, health insurance coverage of the total population (Census ACS 1-year; no 2020 release)";
constexpr const char* kKffPremiums = "KFF State Health Facts, marketplace premiums (CMS plan data)";
constexpr const char* kMedicaidReports =
    "CMS, Medicaid and CHIP applications, eligibility and enrollment reports (data.medicaid.gov)";
constexpr const char* kNchsCauses = "CDC NCHS, leading causes of death (data.cdc.gov bi63-dtpu)";

// One insurance type of KFF's coverage table: its share and its count of people.
void add_coverage(std::vector<IndicatorDefinition>& out, const std::string& key, const std::string& what,
                  Direction direction) {
  out.push_back({key + "_share", "Share covered by " + what,
                 "Share of the total population covered by " + what +
                     " (people with several types counted once, by KFF's hierarchy).",
                 kKffCoverage, "%", 100, direction});
  out.push_back({key + "_persons", "People covered by " + what, "Number of people covered by " + what + ".",
                 kKffCoverage, "people", 1, Direction::neutral});
}

// A marketplace premium for a 40-year-old: `short_name` in the label, `plan` in the definition.
IndicatorDefinition premium(const std::string& name, const std::string& short_name, const std::string& plan) {
  return {name,
          "ACA " + short_name + " premium, 40-year-old, monthly",
          "Average monthly premium of the " + plan +
              " plan for a 40-year-old before subsidies, across the state's rating areas.",
          kKffPremiums,
          "USD",
          1,
          Direction::lower_is_better};
}

std::vector<IndicatorDefinition> build_catalog() {
  std::vector<IndicatorDefinition> out{
      {"population", "Population", "Resident population, July 1 estimate.",
       "US Census Bureau, population estimates (NST-EST2024)", "people", 1, Direction::neutral},
      {"median_household_income_real", "Real median household income",
       "Median household income in constant dollars of the latest CPS ASEC release.",
       "US Census Bureau, CPS ASEC (via FRED)", "USD", 1, Direction::higher_is_better},
      {"uninsured_share", "Uninsured share of the population",
       "Share of the total population without health insurance.", kKffCoverage, "%", 100, Direction::lower_is_better},
      {"uninsured_persons", "People without health insurance", "Number of people without health insurance.",
       kKffCoverage, "people", 1, Direction::lower_is_better},
      {"coverage_total_population", "Population in the coverage survey",
       "Total population KFF's coverage shares are computed over.", kKffCoverage, "people", 1, Direction::neutral},
      premium("aca_marketplace_benchmark_premium", "benchmark", "benchmark (second-lowest-cost silver)"),
      premium("aca_marketplace_lowest_bronze_premium", "lowest bronze", "lowest-cost bronze"),
      premium("aca_marketplace_lowest_silver_premium", "lowest silver", "lowest-cost silver"),
      premium("aca_marketplace_lowest_gold_premium", "lowest gold", "lowest-cost gold"),
      {"medicare_spending_per_enrollee", "Medicare spending per enrollee",
       "Medicare personal health care spending per enrollee, by state of residence.",
       "CMS, health expenditures by state of residence (2020 release)", "USD", 1, Direction::neutral},
      {"medicaid_chip_enrollment", "Medicaid and CHIP enrollment",
       "Total Medicaid and CHIP enrollees, mean of the year's monthly reports (Updated, else Preliminary).",
       kMedicaidReports, "people", 1, Direction::neutral},
      {"medicaid_enrollment", "Medicaid enrollment", "Medicaid enrollees, mean of the year's monthly reports.",
       kMedicaidReports, "people", 1, Direction::neutral},
      {"chip_enrollment", "CHIP enrollment", "CHIP enrollees, mean of the year's monthly reports.", kMedicaidReports,
       "people", 1, Direction::neutral},
      {"adult_medicaid_enrollment", "Adult Medicaid enrollment",
       "Adult Medicaid and CHIP enrollees, mean of the year's monthly reports (reported from 2024).", kMedicaidReports,
       "people", 1, Direction::neutral},
      {"medicaid_chip_enrollment_per_100", "Medicaid and CHIP enrollees per 100 residents",
       "Mean yearly Medicaid and CHIP enrollment per 100 residents of the Census population estimate.",
       kMedicaidReports, "per 100", 1, Direction::neutral},
      {"medicaid_enrollment_per_100", "Medicaid enrollees per 100 residents",
       "Mean yearly Medicaid enrollment per 100 residents of the Census population estimate.", kMedicaidReports,
       "per 100", 1, Direction::neutral},
      {"medicaid_expanded", "Medicaid expanded (1 = yes)",
       "1 when the state had expanded Medicaid in the year's last monthly report, else 0.", kMedicaidReports, "", 1,
       Direction::neutral},
      {"infant_mortality_rate", "Infant mortality rate", "Deaths before age 1 per 1,000 live births.",
       "CDC NCHS, Stats of the States (unreliable rates withheld)", "per 1,000 live births", 1,
       Direction::lower_is_better},
      {"infant_deaths", "Infant deaths", "Deaths before age 1.", "CDC NCHS, Stats of the States", "deaths", 1,
       Direction::lower_is_better},
  };
  add_coverage(out, "coverage_employer", "an employer plan", Direction::neutral);
  add_coverage(out, "coverage_medicaid", "Medicaid", Direction::neutral);
  add_coverage(out, "coverage_medicare", "Medicare", Direction::neutral);
  add_coverage(out, "coverage_military", "military coverage", Direction::neutral);
  add_coverage(out, "coverage_nongroup", "a non-group (individual) plan", Direction::neutral);
  for (const auto& cause : kCausesOfDeath) {
    const std::string suffix = cause.indicator_suffix, label = cause.label;
    out.push_back({"age_adjusted_death_rate_" + suffix, "Age-adjusted death rate, " + label,
                   "Deaths from " + label + " per 100,000 residents, age-adjusted to the 2000 US standard population.",
                   kNchsCauses, "per 100,000", 1, Direction::lower_is_better});
    out.push_back({"deaths_" + suffix, "Deaths, " + label, "Deaths with " + label + " as the underlying cause.",
                   kNchsCauses, "deaths", 1, Direction::lower_is_better});
  }
  return out;
}

}  // namespace

const std::vector<IndicatorDefinition>& indicator_catalog() {
  static const std::vector<IndicatorDefinition> catalog = build_catalog();
  return catalog;
}

const IndicatorDefinition* find_indicator_definition(std::string_view name) {
  const auto& catalog = indicator_catalog();
  auto it = std::find_if(catalog.begin(), catalog.end(), [&](const IndicatorDefinition& d) { return d.name == name; });
  return it == catalog.end() ? nullptr : &*it;
}

}  // namespace hci
