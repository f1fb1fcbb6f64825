#include "server/export_table.hpp"

#include <array>
#include <string_view>

#include "server/hospital_json.hpp"
#include "server/measure_selection.hpp"

namespace hci::server {

namespace {

using Json = nlohmann::ordered_json;

// The nested rating breakdown has no flat form.
bool is_flat_column(std::string_view field) { return field != "rating_breakdown"; }

// The three columns of each chosen measure: its value, CMS's missing-value word and its footnote codes.
constexpr std::array<std::string_view, 3> kMeasureColumns{"value", "missing_reason", "footnote"};

}  // namespace

std::vector<std::string> export_columns(const Snapshot& snapshot, const std::vector<std::size_t>& measures) {
  std::vector<std::string> columns;
  for (std::string_view field : hospital_fields()) {
    if (is_flat_column(field)) columns.emplace_back(field);
  }
  for (std::size_t measure : measures) {
    const std::string& id = snapshot.measures().measures()[measure].id;
    for (std::string_view column : kMeasureColumns) {
      columns.push_back(column == "value" ? id : id + "_" + std::string(column));
    }
  }
  return columns;
}

std::vector<Json> export_row(const Snapshot& snapshot, std::uint32_t hospital,
                             const std::vector<std::size_t>& measures) {
  const Json object = hospital_to_json(snapshot.hospitals()[hospital]);
  std::vector<Json> cells;
  for (std::string_view field : hospital_fields()) {
    if (is_flat_column(field)) cells.push_back(object[std::string(field)]);
  }
  for (std::size_t measure : measures) {
    const Json brief = brief_value_json(snapshot.measures(), hospital, measure);
    for (std::string_view column : kMeasureColumns) cells.push_back(brief[std::string(column)]);
  }
  return cells;
}

}  // namespace hci::server
