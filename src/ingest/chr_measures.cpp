#include "ingest/chr_measures.hpp"

#include "core/text.hpp"
#include "core/us_states.hpp"
#include "ingest/field_parse.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

constexpr size_t kFirstMeasureColumn = 6;  // fips, state_fips, county_fips, level, state_abbr, name
constexpr double kAnyValue = 1e15;

bool wanted(std::string_view level, ChrLevels levels) {
  return levels == ChrLevels::counties_only ? level == "county" : (level == "state" || level == "national");
}

void check_row_identity(RowValidator& row, const Column& fips, const Column& level, const Column& state) {
  std::string_view code = row.text(fips);
  if (code.size() != 5 || !is_all_digits(code)) {
    row.reject(fips, "type", "expected a 5-digit FIPS code, got '" + std::string(code) + "'");
  }
  std::string_view kind = row.text(level);
  if (kind != "county" && kind != "state" && kind != "national") {
    row.reject(level, "type", "expected county, state or national, got '" + std::string(kind) + "'");
  }
  std::string_view abbr = row.text(state);
  if (abbr != "US" && !find_jurisdiction(abbr))
    row.reject(state, "reference", "unknown state '" + std::string(abbr) + "'");
}

}  // namespace

void read_measure_dictionary(CsvReader& reader, QualityReport& report,
                             const std::function<void(MeasureDefinition&)>& emit) {
  ColumnMap map(reader);
  const Column name = map.require("column"), id = map.require("chr_measure_id"),
               description = map.require("description"), release = map.require("chr_release"),
               source_file = map.require("source_file");
  map.check();
  RowValidator row(reader, "chr_measure_dictionary", report);
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    MeasureDefinition definition{row.required_text(name), std::string(row.text(id)), std::string(row.text(description)),
                                 std::string(row.text(release)), std::string(row.text(source_file))};
    if (row.end_row()) emit(definition);
  }
}

std::set<std::string> proportion_measures(const std::vector<MeasureDefinition>& dictionary) {
  std::set<std::string> proportions;
  for (const auto& definition : dictionary) {
    if (is_proportion(definition)) proportions.insert(definition.name);
  }
  return proportions;
}

void read_chr_measures(CsvReader& reader, QualityReport& report, ChrLevels levels,
                       const std::set<std::string>& proportions, const std::function<void(AreaMeasure&)>& emit,
                       const std::function<void(County&)>& emit_county) {
  ColumnMap map(reader);
  const Column fips = map.require("fips"), level = map.require("level"), state = map.require("state_abbr"),
               name = map.require("name");
  map.check();
  const auto& header = reader.header();
  std::vector<Column> measures;
  for (size_t i = kFirstMeasureColumn; i < header.size(); ++i) measures.push_back(Column{i, header[i]});
  RowValidator row(reader, levels == ChrLevels::counties_only ? "chr_county_measures" : "chr_state_measures", report);
  std::vector<AreaMeasure> values;
  while (reader.next_row()) {
    if (!row.begin_row() || !wanted(row.text(level), levels)) continue;
    check_row_identity(row, fips, level, state);
    values.clear();
    for (const auto& column : measures) {
      const bool proportion = proportions.count(column.name) > 0;
      auto value = row.number(column, 0, proportion ? 1 : kAnyValue);
      if (value) {
        values.push_back(AreaMeasure{std::string(row.text(fips)), std::string(row.text(level)),
                                     std::string(row.text(state)), column.name, *value});
      }
    }
    if (!row.end_row()) continue;
    for (auto& value : values) emit(value);
    if (row.text(level) == "county") {
      County county;
      county.fips = std::string(row.text(fips));
      county.state = std::string(row.text(state));
      county.name = std::string(row.text(name));
      emit_county(county);
    }
  }
}

}  // namespace hci::ingest
