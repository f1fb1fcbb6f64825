#pragma once
// Dataset records as the text cells of their table rows (NULL as nullopt): the form PostgreSQL's COPY
// writes and its SELECTs read, with the column lists both share, so no field order is written twice.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geography.hpp"
#include "core/hospital.hpp"
#include "core/indicators.hpp"

namespace hci {

/// One table row as text cells.
using TextRow = std::vector<std::optional<std::string>>;

/// A record table: its name, its columns after dataset_id (in row order) and the ORDER BY of a read.
struct RecordTable {
  std::string name;
  std::vector<std::string> columns;
  std::string order_by;
};

/// The record tables, in the order a version is read back.
const RecordTable& hospitals_table();
const RecordTable& zip_centroids_table();
const RecordTable& counties_table();
const RecordTable& state_indicators_table();
const RecordTable& state_unemployment_table();
const RecordTable& area_measures_table();
const RecordTable& measure_definitions_table();

/// Records to rows. Numbers are written in their shortest exact form; booleans as t / f.
TextRow to_row(const Hospital& hospital);
TextRow to_row(const ZipCentroid& centroid);
TextRow to_row(const County& county);
TextRow to_row(const StateIndicator& indicator);
TextRow to_row(const StateUnemployment& rate);
TextRow to_row(const AreaMeasure& measure);
TextRow to_row(const MeasureDefinition& definition);

/// Rows back to records; throws hci::Error(internal) when a cell does not parse.
Hospital hospital_from_row(const TextRow& row);
ZipCentroid zip_centroid_from_row(const TextRow& row);
County county_from_row(const TextRow& row);
StateIndicator state_indicator_from_row(const TextRow& row);
StateUnemployment state_unemployment_from_row(const TextRow& row);
AreaMeasure area_measure_from_row(const TextRow& row);
MeasureDefinition measure_definition_from_row(const TextRow& row);

}  // namespace hci
