#include "analytics/area_tables.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analytics/chr_catalog.hpp"
#include "analytics/hospital_stats.hpp"
#include "analytics/measure_metrics.hpp"
#include "analytics/statistics.hpp"
#include "core/causes_of_death.hpp"
#include "core/indicator_catalog.hpp"
#include "core/us_states.hpp"

namespace hci::analytics {

namespace {

// The panel indicators the state table carries (labels, units and scales from the indicator catalogue), then
// the age-adjusted death rate of every NCHS cause.
const std::vector<const IndicatorDefinition*>& panel_indicators() {
  static const std::vector<const IndicatorDefinition*> indicators = [] {
    std::vector<std::string> names{"population",
                                   "median_household_income_real",
                                   "uninsured_share",
                                   "coverage_medicaid_share",
                                   "coverage_employer_share",
                                   "aca_marketplace_benchmark_premium",
                                   "medicare_spending_per_enrollee",
                                   "medicaid_chip_enrollment_per_100",
                                   "medicaid_enrollment_per_100",
                                   "infant_mortality_rate"};
    for (const auto& cause : kCausesOfDeath)
      names.push_back(std::string("age_adjusted_death_rate_") + cause.indicator_suffix);
    std::vector<const IndicatorDefinition*> out;
    for (const auto& name : names) out.push_back(find_indicator_definition(name));
    return out;
  }();
  return indicators;
}
constexpr std::size_t kWellCovered = 40;  // states with a value for a year to count as the latest year

using Rows = std::map<std::string, std::size_t>;

Metric empty_metric(std::size_t rows, std::string name, std::string label, std::string unit, std::string source,
                    Direction direction) {
  return Metric{std::move(name),
                std::move(label),
                "",
                std::move(unit),
                std::move(source),
                direction,
                std::vector<double>(rows, kMissing)};
}

std::map<std::string, std::vector<const Hospital*>> hospitals_by(const std::vector<Hospital>& hospitals,
                                                                 bool by_county) {
  std::map<std::string, std::vector<const Hospital*>> groups;
  for (const auto& h : hospitals) {
    if (!by_county) {
      groups[h.state].push_back(&h);
    } else if (h.county_fips) {
      groups[*h.county_fips].push_back(&h);
    }
  }
  return groups;
}

// Hospital statistics per row; population (for per-100k) from the named metric of the same table.
void add_hospital_metrics(MetricTable& table, const Rows& rows,
                          const std::map<std::string, std::vector<const Hospital*>>& groups, bool full) {
  const std::size_t n = table.keys.size();
  const std::string cms = "CMS Care Compare";
  auto count = empty_metric(n, "hospital_count", "Hospitals (CMS)", "hospitals", cms, Direction::neutral);
  auto per_100k = empty_metric(n, "hospitals_per_100k", "Hospitals per 100k population", "per 100k", cms,
                               Direction::higher_is_better);
  auto rated = empty_metric(n, "rated_share", "Share of hospitals with a star rating", "%", cms, Direction::neutral);
  auto mean_rating = empty_metric(n, "mean_rating", "Mean star rating", "stars", cms, Direction::higher_is_better);
  auto median_rating =
      empty_metric(n, "median_rating", "Median star rating", "stars", cms, Direction::higher_is_better);
  auto top = empty_metric(n, "rated_4_or_5_share", "Share of rated hospitals with 4 or 5 stars", "%", cms,
                          Direction::higher_is_better);
  auto emergency = empty_metric(n, "emergency_services_share", "Share of hospitals with emergency services", "%", cms,
                                Direction::higher_is_better);
  auto critical = empty_metric(n, "critical_access_share", "Share of hospitals that are critical access", "%", cms,
                               Direction::neutral);
  const Metric* population = table.find("population");
  for (const auto& [key, row] : rows) {
    auto it = groups.find(key);
    const std::vector<const Hospital*> none;
    const HospitalStats stats = summarize_hospitals(it == groups.end() ? none : it->second);
    count.values[row] = stats.count;
    if (population && is_present(population->values[row]) && population->values[row] > 0) {
      per_100k.values[row] = stats.count * 100000.0 / population->values[row];
    }
    if (!full || stats.count == 0) continue;
    rated.values[row] = *stats.share_of(stats.rated) * 100;
    emergency.values[row] = *stats.share_of(stats.emergency) * 100;
    critical.values[row] = *stats.share_of(stats.critical_access) * 100;
    mean_rating.values[row] = stats.mean_rating.value_or(kMissing);
    median_rating.values[row] = stats.median_rating.value_or(kMissing);
    top.values[row] = stats.top_rated_share() ? *stats.top_rated_share() * 100 : kMissing;
  }
  table.add(std::move(count));
  table.add(std::move(per_100k));
  if (!full) return;
  for (auto* metric : {&rated, &mean_rating, &median_rating, &top, &emergency, &critical}) {
    table.add(std::move(*metric));
  }
}

// The latest year in which at least kWellCovered states have the indicator.
std::optional<int> latest_covered_year(const std::vector<StateIndicator>& panel, std::string_view indicator) {
  std::map<int, std::size_t> states_per_year;
  for (const auto& value : panel) {
    if (value.indicator == indicator && value.state != "US" && value.value) ++states_per_year[value.year];
  }
  for (auto it = states_per_year.rbegin(); it != states_per_year.rend(); ++it) {
    if (it->second >= kWellCovered) return it->first;
  }
  return std::nullopt;
}

void add_panel_metrics(MetricTable& table, const Rows& rows, const std::vector<StateIndicator>& panel) {
  for (const IndicatorDefinition* definition : panel_indicators()) {
    const auto& spec = *definition;
    const auto year = latest_covered_year(panel, spec.name);
    if (!year) continue;
    std::string source;
    auto metric = empty_metric(table.keys.size(), spec.name, spec.label + " (" + std::to_string(*year) + ")",
                               spec.display_unit, "", spec.direction);
    for (const auto& value : panel) {
      if (value.indicator != spec.name || value.year != *year || !value.value) continue;
      if (auto row = rows.find(value.state); row != rows.end()) metric.values[row->second] = *value.value * spec.scale;
      source = value.source;
    }
    metric.source = source + ", " + std::to_string(*year);
    table.add(std::move(metric));
  }
}

// The mean of the 12 monthly rates of the latest year that every reporting state has complete.
void add_unemployment(MetricTable& table, const Rows& rows, const std::vector<StateUnemployment>& rates) {
  std::map<std::string, std::map<int, std::vector<double>>> by_state_year;
  for (const auto& rate : rates) by_state_year[rate.state][std::stoi(rate.month.substr(0, 4))].push_back(rate.rate_pct);
  std::optional<int> year;
  for (const auto& [state, years] : by_state_year) {
    int complete = 0;
    for (const auto& [y, months] : years) complete = months.size() == 12 ? std::max(complete, y) : complete;
    year = year ? std::min(*year, complete) : complete;
  }
  if (!year || *year == 0) return;
  auto metric = empty_metric(table.keys.size(), "unemployment_rate",
                             "Unemployment rate, mean of monthly rates (" + std::to_string(*year) + ")", "%",
                             "BLS LAUS, " + std::to_string(*year), Direction::lower_is_better);
  for (const auto& [state, years] : by_state_year) {
    if (auto row = rows.find(state); row != rows.end()) metric.values[row->second] = *mean(years.at(*year));
  }
  table.add(std::move(metric));
}

// The interval bounds CHR publishes beside some measures, and the measure each belongs to.
constexpr std::pair<std::string_view, std::string_view> kIntervalSuffixes[] = {{"_ci_low", "95% CI lower bound"},
                                                                               {"_ci_high", "95% CI upper bound"}};

// The CHR columns of a dataset: each dictionary measure, then the interval bounds of those that have them.
std::vector<std::pair<std::string, ChrPresentation>> chr_columns(const DatasetTables& tables) {
  std::vector<std::pair<std::string, ChrPresentation>> columns;
  std::set<std::string> present;
  for (const auto& value : tables.of<AreaMeasure>()) present.insert(value.measure);
  for (const auto& definition : tables.of<MeasureDefinition>()) {
    columns.emplace_back(definition.name, present_chr_measure(definition));
  }
  for (const auto& definition : tables.of<MeasureDefinition>()) {
    for (const auto& [suffix, what] : kIntervalSuffixes) {
      if (!present.count(definition.name + std::string(suffix))) continue;
      ChrPresentation bound = present_chr_measure(definition);
      bound.label += ", " + std::string(what);
      bound.description += ", " + std::string(what);
      bound.direction = Direction::neutral;
      columns.emplace_back(definition.name + std::string(suffix), bound);
    }
  }
  return columns;
}

// Every CHR measure at `level` ("state" or "county"), keyed by the row's state code or county FIPS;
// state columns are prefixed "chr_" to keep them apart from the panel's.
void add_chr_metrics(MetricTable& table, const Rows& rows, const DatasetTables& tables, std::string_view level) {
  std::map<std::string, std::pair<std::size_t, double>> column_of;  // measure -> (metric index, scale)
  for (const auto& [measure, presentation] : chr_columns(tables)) {
    column_of[measure] = {table.metrics.size(), presentation.scale};
    auto metric = empty_metric(table.keys.size(), level == "state" ? "chr_" + measure : measure, presentation.label,
                               presentation.unit, presentation.source, presentation.direction);
    metric.description = presentation.description;
    table.add(std::move(metric));
  }
  for (const auto& value : tables.of<AreaMeasure>()) {
    if (value.level != level) continue;
    auto column = column_of.find(value.measure);
    auto row = rows.find(level == "state" ? value.state : value.fips);
    if (column == column_of.end() || row == rows.end()) continue;
    table.metrics[column->second.first].values[row->second] = value.value * column->second.second;
  }
}

Rows index_rows(const MetricTable& table) {
  Rows rows;
  for (std::size_t i = 0; i < table.keys.size(); ++i) rows[table.keys[i]] = i;
  return rows;
}

}  // namespace

MetricTable build_state_table(const DatasetTables& tables) {
  std::set<std::string> codes;
  for (const auto& h : tables.of<Hospital>()) codes.insert(h.state);
  for (const auto& v : tables.of<StateIndicator>()) codes.insert(v.state);
  for (const auto& m : tables.of<AreaMeasure>()) {
    if (m.level == "state") codes.insert(m.state);
  }
  MetricTable table;
  table.level = "state";
  for (const auto& code : codes) {
    const auto jurisdiction = find_jurisdiction(code);
    if (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only) continue;
    table.keys.push_back(code);
    table.names.emplace_back(jurisdiction->name);
    table.states.push_back(code);
  }
  const Rows rows = index_rows(table);
  add_panel_metrics(table, rows, tables.of<StateIndicator>());
  add_hospital_metrics(table, rows, hospitals_by(tables.of<Hospital>(), false), true);
  add_unemployment(table, rows, tables.of<StateUnemployment>());
  add_chr_metrics(table, rows, tables, "state");
  add_measure_metrics(table, tables);
  return table;
}

MetricTable build_county_table(const DatasetTables& tables) {
  std::map<std::string, const County*> counties;
  for (const auto& county : tables.of<County>()) counties[county.fips] = &county;
  std::set<std::string> fips;
  for (const auto& m : tables.of<AreaMeasure>()) {
    if (m.level == "county") fips.insert(m.fips);
  }
  MetricTable table;
  table.level = "county";
  for (const auto& code : fips) {
    auto county = counties.find(code);
    table.keys.push_back(code);
    table.names.push_back(county != counties.end() ? county->second->name : code);
    table.states.push_back(county != counties.end() ? county->second->state : "");
  }
  const Rows rows = index_rows(table);
  add_chr_metrics(table, rows, tables, "county");
  auto rurality = empty_metric(table.keys.size(), "urban_rural_code",
                               "NCHS urban-rural code, 2023 (1 = large central metro .. 6 = noncore)", "code",
                               "NCHS Urban-Rural Classification 2023", Direction::neutral);
  for (const auto& [code, row] : rows) {
    auto county = counties.find(code);
    if (county != counties.end() && county->second->urban_rural_2023) {
      rurality.values[row] = *county->second->urban_rural_2023;
    }
  }
  table.add(std::move(rurality));
  add_hospital_metrics(table, rows, hospitals_by(tables.of<Hospital>(), true), false);
  add_measure_metrics(table, tables);
  return table;
}

}  // namespace hci::analytics
