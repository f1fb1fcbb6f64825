#include "ingest/medicaid_enrollment.hpp"

#include <map>
#include <utility>

#include "core/us_states.hpp"
#include "ingest/field_parse.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

constexpr std::int64_t kMaxCount = 1'000'000'000;

// One kept figure's value and footnote columns.
struct FigureColumns {
  std::optional<double> MedicaidEnrollment::*field;
  Column value;
  Column footnotes;
};

std::string known_state(RowValidator& row, const Column& column) {
  const std::string_view code = row.text(column);
  auto jurisdiction = find_jurisdiction(code);
  if (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only) {
    row.reject(column, "reference", "unknown state '" + std::string(code) + "'");
  }
  return std::string(code);
}

// "201706" as "2017-06"; rejected unless it is a month of 2000..2100.
std::string reporting_month(RowValidator& row, const Column& column) {
  const std::string_view raw = row.text(column);
  const auto year = raw.size() == 6 ? to_int(raw.substr(0, 4)) : std::nullopt;
  const auto month = raw.size() == 6 ? to_int(raw.substr(4, 2)) : std::nullopt;
  if (!year || !month || *year < 2000 || *year > 2100 || *month < 1 || *month > 12) {
    row.reject(column, "type", "expected a reporting period YYYYMM, got '" + std::string(raw) + "'");
    return "";
  }
  return std::string(raw.substr(0, 4)) + "-" + std::string(raw.substr(4, 2));
}

// Keeps `item` unless a report that wins over it is already kept; a repeat of the same kind is rejected.
void keep_report(std::map<std::pair<std::string, std::string>, MedicaidEnrollment>& kept, MedicaidEnrollment& item,
                 RowValidator& row, const Column& flag_column) {
  auto [it, inserted] = kept.try_emplace({item.state, item.month}, item);
  if (inserted) return;
  if (it->second.updated == item.updated) {
    row.reject(flag_column, "uniqueness",
               "a second " + std::string(item.updated ? "Updated" : "Preliminary") + " report for " + item.state + " " +
                   item.month);
  } else if (item.updated) {
    it->second = std::move(item);
  }
}

}  // namespace

void read_medicaid_enrollment(CsvReader& reader, QualityReport& report,
                              const std::function<void(MedicaidEnrollment&)>& emit) {
  ColumnMap map(reader);
  const Column state = map.require("State Abbreviation"), period = map.require("Reporting Period"),
               expanded = map.require("State Expanded Medicaid"), kind = map.require("Preliminary or Updated");
  std::vector<FigureColumns> figures;
  for (const auto& figure : kMedicaidFigures) {
    figures.push_back(
        {figure.field, map.require(figure.cms_column), map.require(std::string(figure.cms_column) + " - footnotes")});
  }
  map.check();
  RowValidator row(reader, "medicaid_enrollment", report);
  std::map<std::pair<std::string, std::string>, MedicaidEnrollment> kept;
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    MedicaidEnrollment item;
    item.state = known_state(row, state);
    item.month = reporting_month(row, period);
    item.expanded = row.flag(expanded, "Y", "N");
    item.updated = row.flag(kind, "U", "P");
    for (const auto& figure : figures) {
      if (auto value = row.integer(figure.value, 0, kMaxCount)) item.*figure.field = static_cast<double>(*value);
      const std::string_view note = row.text(figure.footnotes);
      if (note.empty()) continue;
      item.footnotes += (item.footnotes.empty() ? "" : " | ") + figure.value.name + ": " + std::string(note);
    }
    if (row.ok()) keep_report(kept, item, row, kind);
    row.end_row();
  }
  for (auto& [key, item] : kept) emit(item);
}

}  // namespace hci::ingest
