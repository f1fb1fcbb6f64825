#include "ingest/place_sources.hpp"

#include "core/text.hpp"
#include "core/us_states.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

std::optional<int> urban_rural_code(RowValidator& row, const Column& column) {
  auto code = row.integer(column, 1, 6);
  return code ? std::optional<int>(static_cast<int>(*code)) : std::nullopt;
}

std::string padded_fips(RowValidator& row, const Column& column, size_t width) {
  std::string raw = row.required_text(column);
  if (!raw.empty() && (!is_all_digits(raw) || raw.size() > width)) {
    row.reject(column, "type", "expected a FIPS code of up to " + std::to_string(width) + " digits, got '" + raw + "'");
  }
  return zero_pad(raw, width);
}

}  // namespace

void read_zip_centroids(CsvReader& reader, QualityReport& report, const std::function<void(ZipCentroid&)>& emit) {
  ColumnMap map(reader);
  const Column zip = map.require("zip"), latitude = map.require("latitude"), longitude = map.require("longitude"),
               city = map.require("city"), state = map.require("state"), coord_source = map.require("coord_source");
  map.check();
  RowValidator row(reader, "zip_centroids", report);
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    ZipCentroid z;
    z.zip = row.required_text(zip);
    if (!z.zip.empty() && (z.zip.size() != 5 || !is_all_digits(z.zip))) {
      row.reject(zip, "type", "expected a 5-digit ZIP code, got '" + z.zip + "'");
    }
    z.latitude = row.required_number(latitude, -90, 90);
    z.longitude = row.required_number(longitude, -180, 180);
    z.city = std::string(row.text(city));
    z.state = std::string(row.text(state));
    z.coord_source = std::string(row.text(coord_source));
    auto jurisdiction = find_jurisdiction(z.state);
    if (z.state.empty()) {
      row.warn(state, "completeness", "ZIP " + z.zip + " has no state");
    } else if (!jurisdiction) {
      row.reject(state, "reference", "unknown state code '" + z.state + "'");
    } else if (row.ok() && jurisdiction->kind != JurisdictionKind::postal_only &&
               !is_inside_us_envelope(z.latitude, z.longitude)) {
      row.reject(latitude, "range",
                 "coordinates " + std::to_string(z.latitude) + "," + std::to_string(z.longitude) +
                     " lie outside the US and territories");
    }
    if (row.end_row()) emit(z);
  }
}

void read_urban_rural_codes(CsvReader& reader, QualityReport& report, const std::function<void(County&)>& emit) {
  ColumnMap map(reader);
  const Column state_fips = map.require("STFIPS"), county_fips = map.require("CTYFIPS"),
               state = map.require("ST_ABBREV"), name = map.require("CTYNAME"), cbsa = map.require("CBSATITLE"),
               population = map.require("CTYPOP"), code2023 = map.require("CODE2023"),
               code2013 = map.require("CODE2013"), code2006 = map.require("CODE2006"),
               code1990 = map.require("CODE1990");
  map.check();
  RowValidator row(reader, "urban_rural_codes", report);
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    County county;
    county.fips = padded_fips(row, state_fips, 2) + padded_fips(row, county_fips, 3);
    county.state = row.required_text(state);
    if (!find_jurisdiction(county.state)) row.reject(state, "reference", "unknown state '" + county.state + "'");
    county.name = row.required_text(name);
    county.cbsa_title = std::string(row.text(cbsa));
    county.population = row.integer(population, 0, 100'000'000);
    county.urban_rural_2023 = urban_rural_code(row, code2023);
    county.urban_rural_2013 = urban_rural_code(row, code2013);
    county.urban_rural_2006 = urban_rural_code(row, code2006);
    county.urban_rural_1990 = urban_rural_code(row, code1990);
    if (row.end_row()) emit(county);
  }
}

}  // namespace hci::ingest
