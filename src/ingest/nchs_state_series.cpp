#include "ingest/nchs_state_series.hpp"

#include <set>
#include <tuple>
#include <utility>

#include "core/causes_of_death.hpp"
#include "core/us_states.hpp"
#include "ingest/field_parse.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

constexpr int kFirstYear = 1900, kLastYear = 2100;
constexpr const char* kInfantSource = "nchs_infant_mortality";
constexpr const char* kCausesSource = "nchs_leading_causes_of_death";

// The USPS code of a state given by code or full name ("United States" is "US"); empty and rejected when unknown.
std::string state_code(RowValidator& row, const Column& column) {
  const std::string_view raw = row.text(column);
  if (raw == "United States" || raw == "US") return "US";
  auto jurisdiction = find_jurisdiction(raw);
  if (!jurisdiction) jurisdiction = find_jurisdiction_by_name(raw);
  if (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only) {
    row.reject(column, "reference", "unknown state '" + std::string(raw) + "'");
    return "";
  }
  return std::string(jurisdiction->code);
}

int required_year(RowValidator& row, const Column& column) {
  if (is_missing(row.text(column))) row.reject(column, "completeness", "required value is missing");
  return static_cast<int>(row.integer(column, kFirstYear, kLastYear).value_or(0));
}

// A panel value of `source` without its value yet.
StateIndicator indicator_of(std::string state, int year, std::string indicator, std::string unit, const char* source) {
  StateIndicator item;
  item.state = std::move(state);
  item.year = year;
  item.indicator = std::move(indicator);
  item.unit = std::move(unit);
  item.source = source;
  return item;
}

// A non-negative number that may carry thousands separators ("1,001.30"); null with "Not reported" when empty.
void set_grouped_number(RowValidator& row, const Column& column, StateIndicator& item) {
  const std::string_view raw = row.text(column);
  if (is_missing(raw)) {
    item.missing_reason = "Not reported";
  } else if (auto value = to_amount(raw); value && *value >= 0 && raw.front() != '$') {
    item.value = *value;
  } else {
    row.reject(column, "type", "expected a non-negative number, got '" + std::string(raw) + "'");
  }
}

// Rejects the row when (state, indicator, year) was already seen.
void reject_repeat(RowValidator& row, std::set<std::tuple<std::string, std::string, int>>& seen,
                   const StateIndicator& item, const Column& column) {
  if (!seen.emplace(item.state, item.indicator, item.year).second) {
    row.reject(column, "uniqueness",
               "a second row for " + item.state + " " + std::to_string(item.year) + " '" +
                   std::string(row.text(column)) + "'");
  }
}

// The infant mortality rate: null with its reason when CDC gives no usable rate.
void set_infant_rate(RowValidator& row, const Column& rate, std::optional<std::int64_t> deaths, StateIndicator& item) {
  const std::string_view raw = row.text(rate);
  if (raw == "Unreliable") {
    item.missing_reason = "Unreliable";
  } else if (is_missing(raw)) {
    item.missing_reason = "Not reported";
  } else {
    item.value = row.number(rate, 0, 1000);
    if (item.value == 0.0 && deaths.value_or(0) > 0) {
      item.value.reset();
      item.missing_reason = "Rate 0 beside " + std::to_string(*deaths) + " deaths";
      row.warn(rate, "consistency",
               "a rate of 0 beside " + std::to_string(*deaths) + " deaths is not a rate: kept as null");
    }
  }
}

}  // namespace

void read_nchs_infant_mortality(CsvReader& reader, QualityReport& report,
                                const std::function<void(StateIndicator&)>& emit) {
  ColumnMap map(reader);
  const Column year = map.require("YEAR"), location = map.require("Location"),
               rate = map.require("Infant mortality rate"), deaths = map.require("Deaths");
  map.check();
  RowValidator row(reader, "nchs_infant_mortality", report);
  std::set<std::tuple<std::string, std::string, int>> seen;
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    StateIndicator item = indicator_of(state_code(row, location), required_year(row, year), "infant_mortality_rate",
                                       "infant deaths per 1,000 live births", kInfantSource);
    reject_repeat(row, seen, item, location);
    const auto death_count = row.integer(deaths, 0, 10'000'000);
    set_infant_rate(row, rate, death_count, item);
    StateIndicator count = indicator_of(item.state, item.year, "infant_deaths", "infant deaths", kInfantSource);
    if (death_count)
      count.value = static_cast<double>(*death_count);
    else
      count.missing_reason = "Not reported";
    if (!row.end_row()) continue;
    emit(item);
    emit(count);
  }
}

void read_nchs_causes_of_death(CsvReader& reader, QualityReport& report,
                               const std::function<void(StateIndicator&)>& emit) {
  ColumnMap map(reader);
  const Column year = map.require("Year"), cause = map.require("Cause Name"), state = map.require("State"),
               deaths = map.require("Deaths"), rate = map.require("Age-adjusted Death Rate");
  map.check();
  RowValidator row(reader, "nchs_leading_causes_of_death", report);
  std::set<std::tuple<std::string, std::string, int>> seen;
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    const std::string_view cause_name = row.text(cause);
    const auto* known = std::find_if(kCausesOfDeath.begin(), kCausesOfDeath.end(),
                                     [&](const CauseOfDeath& c) { return c.nchs_name == cause_name; });
    if (known == kCausesOfDeath.end())
      row.reject(cause, "reference", "unknown cause '" + std::string(cause_name) + "'");
    const std::string suffix = known == kCausesOfDeath.end() ? "" : known->indicator_suffix;
    StateIndicator death_rate =
        indicator_of(state_code(row, state), required_year(row, year), "age_adjusted_death_rate_" + suffix,
                     "deaths per 100,000, age-adjusted", kCausesSource);
    reject_repeat(row, seen, death_rate, cause);
    set_grouped_number(row, rate, death_rate);
    StateIndicator count = indicator_of(death_rate.state, death_rate.year, "deaths_" + suffix, "deaths", kCausesSource);
    set_grouped_number(row, deaths, count);
    if (!row.end_row()) continue;
    emit(death_rate);
    emit(count);
  }
}

}  // namespace hci::ingest
