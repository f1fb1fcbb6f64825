#include "store/sqlite/sqlite_dataset_reader.hpp"

#include <optional>
#include <string>

namespace hci {

namespace {

std::optional<int> optional_int(const sqlite::Statement& row, int index) {
  if (row.column_is_null(index)) return std::nullopt;
  return static_cast<int>(row.column_int(index));
}

std::optional<double> optional_double(const sqlite::Statement& row, int index) {
  if (row.column_is_null(index)) return std::nullopt;
  return row.column_double(index);
}

std::optional<std::string> optional_text(const sqlite::Statement& row, int index) {
  if (row.column_is_null(index)) return std::nullopt;
  return row.column_text(index);
}

// Reads one measure group starting at column `first`; returns the next column.
int read_group(const sqlite::Statement& row, int first, MeasureGroup& group, bool with_comparisons) {
  int index = first;
  group.measures = optional_int(row, index++);
  group.facility_measures = optional_int(row, index++);
  if (with_comparisons) {
    group.better = optional_int(row, index++);
    group.no_different = optional_int(row, index++);
    group.worse = optional_int(row, index++);
  }
  group.footnote = row.column_text(index++);
  return index;
}

Hospital read_hospital(const sqlite::Statement& row) {
  Hospital h;
  h.id = row.column_text(1);
  h.name = row.column_text(2);
  h.address = row.column_text(3);
  h.city = row.column_text(4);
  h.state = row.column_text(5);
  h.zip = row.column_text(6);
  h.county = row.column_text(7);
  h.county_fips = optional_text(row, 8);
  h.phone = row.column_text(9);
  h.type = row.column_text(10);
  h.ownership = row.column_text(11);
  h.emergency_services = row.column_int(12) == 1;
  h.birthing_friendly = row.column_int(13) == 1;
  h.rating = optional_int(row, 14);
  h.rating_footnote = row.column_text(15);
  int next = read_group(row, 16, h.mortality, true);
  next = read_group(row, next, h.safety, true);
  next = read_group(row, next, h.readmission, true);
  next = read_group(row, next, h.patient_experience, false);
  next = read_group(row, next, h.timely_effective, false);
  h.latitude = optional_double(row, next++);
  h.longitude = optional_double(row, next++);
  h.beds = optional_int(row, next++);
  h.hifld_id = optional_text(row, next);
  return h;
}

// Runs `sql` (one parameter: the dataset id) and hands each row to `emit`.
template <typename Emit>
void for_each_row(sqlite::Connection& connection, const char* sql, std::int64_t dataset_id, Emit emit) {
  auto query = connection.prepare(sql);
  query.bind(1, dataset_id);
  while (query.step()) emit(query);
}

}  // namespace

void read_sqlite_dataset(sqlite::Connection& connection, std::int64_t dataset_id, DatasetSink& sink) {
  for_each_row(connection, "SELECT * FROM hospitals WHERE dataset_id = ? ORDER BY id", dataset_id,
               [&](const sqlite::Statement& row) { sink.add(read_hospital(row)); });
  for_each_row(
      connection,
      "SELECT zip, latitude, longitude, city, state_code, coord_source, county_fips FROM zip_centroids"
      " WHERE dataset_id = ? ORDER BY zip",
      dataset_id, [&](const sqlite::Statement& row) {
        sink.add(ZipCentroid{row.column_text(0), row.column_double(1), row.column_double(2), row.column_text(3),
                             row.column_text(4), row.column_text(5), optional_text(row, 6)});
      });
  for_each_row(connection,
               "SELECT fips, state_code, name, urban_rural_2023, urban_rural_2013, urban_rural_2006, urban_rural_1990,"
               " cbsa_title, population FROM counties WHERE dataset_id = ? ORDER BY fips",
               dataset_id, [&](const sqlite::Statement& row) {
                 County county{row.column_text(0),   row.column_text(1),   row.column_text(2),
                               optional_int(row, 3), optional_int(row, 4), optional_int(row, 5),
                               optional_int(row, 6), row.column_text(7),   std::nullopt};
                 if (!row.column_is_null(8)) county.population = row.column_int(8);
                 sink.add(county);
               });
  for_each_row(connection,
               "SELECT state_code, year, indicator, value, unit, source FROM state_indicators WHERE dataset_id = ?"
               " ORDER BY state_code, indicator, year",
               dataset_id, [&](const sqlite::Statement& row) {
                 sink.add(StateIndicator{row.column_text(0), static_cast<int>(row.column_int(1)), row.column_text(2),
                                         row.column_double(3), row.column_text(4), row.column_text(5)});
               });
  for_each_row(connection,
               "SELECT state_code, month, rate_pct FROM state_unemployment WHERE dataset_id = ?"
               " ORDER BY state_code, month",
               dataset_id, [&](const sqlite::Statement& row) {
                 sink.add(StateUnemployment{row.column_text(0), row.column_text(1), row.column_double(2)});
               });
  for_each_row(connection,
               "SELECT fips, level, state_code, measure, value FROM area_measures WHERE dataset_id = ?"
               " ORDER BY fips, measure",
               dataset_id, [&](const sqlite::Statement& row) {
                 sink.add(AreaMeasure{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                                      row.column_double(4)});
               });
  for_each_row(connection,
               "SELECT name, chr_measure_id, description, release, source_file FROM measure_definitions"
               " WHERE dataset_id = ? ORDER BY name",
               dataset_id, [&](const sqlite::Statement& row) {
                 sink.add(MeasureDefinition{row.column_text(0), row.column_text(1), row.column_text(2),
                                            row.column_text(3), row.column_text(4)});
               });
}

}  // namespace hci
