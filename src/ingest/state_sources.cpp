#include "ingest/state_sources.hpp"

#include "core/text.hpp"
#include "core/us_states.hpp"
#include "ingest/field_parse.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

constexpr double kAnyValue = 1e15;

// The state code must be known (or "US" with FIPS 00) and agree with the FIPS column.
void check_state(RowValidator& row, const Column& code_column, const Column& fips_column) {
  std::string_view code = row.text(code_column);
  std::string_view fips = row.text(fips_column);
  if (code == "US") {
    if (fips != "00")
      row.reject(fips_column, "reference", "the US row must have FIPS '00', got '" + std::string(fips) + "'");
    return;
  }
  auto jurisdiction = find_jurisdiction(code);
  if (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only) {
    row.reject(code_column, "reference", "unknown state '" + std::string(code) + "'");
  } else if (jurisdiction->fips != fips) {
    row.reject(fips_column, "reference",
               "FIPS '" + std::string(fips) + "' does not belong to " + std::string(code) + " (" +
                   std::string(jurisdiction->fips) + ")");
  }
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

void read_state_indicators(CsvReader& reader, QualityReport& report, const std::function<void(StateIndicator&)>& emit) {
  ColumnMap map(reader);
  const Column fips = map.require("state_fips"), state = map.require("state_abbr"), year = map.require("year"),
               indicator = map.require("indicator"), value = map.require("value"), unit = map.require("unit"),
               source = map.require("source");
  map.check();
  RowValidator row(reader, "state_indicators", report);
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    StateIndicator item;
    check_state(row, state, fips);
    item.state = std::string(row.text(state));
    item.year = static_cast<int>(row.integer(year, 1900, 2100).value_or(0));
    if (is_missing(row.text(year))) row.reject(year, "completeness", "required value is missing");
    item.indicator = row.required_text(indicator);
    const bool is_share = ends_with(item.indicator, "_share");
    item.value = row.required_number(value, is_share ? 0 : -kAnyValue, is_share ? 1 : kAnyValue);
    item.unit = std::string(row.text(unit));
    item.source = std::string(row.text(source));
    if (row.end_row()) emit(item);
  }
}

void read_state_unemployment(CsvReader& reader, QualityReport& report,
                             const std::function<void(StateUnemployment&)>& emit) {
  ColumnMap map(reader);
  const Column fips = map.require("state_fips"), state = map.require("state_abbr"), date = map.require("date"),
               rate = map.require("unemployment_rate_pct");
  map.check();
  RowValidator row(reader, "state_unemployment", report);
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    StateUnemployment item;
    check_state(row, state, fips);
    item.state = std::string(row.text(state));
    std::string_view raw_date = row.text(date);
    auto year = to_int(raw_date.substr(0, 4));
    auto month = raw_date.size() == 10 ? to_int(raw_date.substr(5, 2)) : std::nullopt;
    if (!year || !month || *month < 1 || *month > 12 || raw_date[4] != '-' || raw_date.substr(7) != "-01") {
      row.reject(date, "type", "expected a month as YYYY-MM-01, got '" + std::string(raw_date) + "'");
    }
    item.month = std::string(raw_date.substr(0, 7));
    item.rate_pct = row.required_number(rate, 0, 100);
    if (row.end_row()) emit(item);
  }
}

}  // namespace hci::ingest
