#include "store/record_codec.hpp"

#include <charconv>

#include "core/error.hpp"

namespace hci {

namespace {

// Field writers.
std::optional<std::string> text(const std::string& value) { return value; }
std::optional<std::string> text(const std::optional<std::string>& value) { return value; }
std::optional<std::string> number(double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}
template <typename Integer>
std::optional<std::string> integer(const std::optional<Integer>& value) {
  return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}
std::optional<std::string> integer(int value) { return std::to_string(value); }
std::optional<std::string> number(const std::optional<double>& value) { return value ? number(*value) : std::nullopt; }
std::optional<std::string> boolean(bool value) { return std::string(value ? "t" : "f"); }

// Field readers, consuming the row left to right.
class Cells {
 public:
  explicit Cells(const TextRow& row) : row_(row) {}
  std::string text() { return next().value_or(""); }
  std::optional<std::string> optional_text() { return next(); }
  double number() { return parse<double>(required()); }
  std::optional<double> optional_number() {
    auto cell = next();
    return cell ? std::optional<double>(parse<double>(*cell)) : std::nullopt;
  }
  int integer() { return parse<int>(required()); }
  std::optional<int> optional_integer() {
    auto cell = next();
    return cell ? std::optional<int>(parse<int>(*cell)) : std::nullopt;
  }
  std::optional<std::int64_t> optional_long() {
    auto cell = next();
    return cell ? std::optional<std::int64_t>(parse<std::int64_t>(*cell)) : std::nullopt;
  }
  bool boolean() {
    const std::string cell = required();
    return cell == "t" || cell == "true" || cell == "1";
  }

 private:
  const std::optional<std::string>& next() {
    if (index_ >= row_.size()) throw Error(ErrorCode::internal, "a stored row has fewer cells than its table");
    return row_[index_++];
  }
  std::string required() {
    const auto& cell = next();
    if (!cell) throw Error(ErrorCode::internal, "a stored NOT NULL cell is NULL");
    return *cell;
  }
  template <typename T>
  static T parse(const std::string& cell) {
    T value{};
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size()) {
      throw Error(ErrorCode::internal, "a stored cell is not a number: '" + cell + "'");
    }
    return value;
  }
  const TextRow& row_;
  std::size_t index_ = 0;
};

void append_group(TextRow& row, const MeasureGroup& g, bool with_comparisons) {
  row.push_back(integer(g.measures));
  row.push_back(integer(g.facility_measures));
  if (with_comparisons) {
    row.push_back(integer(g.better));
    row.push_back(integer(g.no_different));
    row.push_back(integer(g.worse));
  }
  row.push_back(g.footnote);
}

MeasureGroup read_group(Cells& cells, bool with_comparisons) {
  MeasureGroup g;
  g.measures = cells.optional_integer();
  g.facility_measures = cells.optional_integer();
  if (with_comparisons) {
    g.better = cells.optional_integer();
    g.no_different = cells.optional_integer();
    g.worse = cells.optional_integer();
  }
  g.footnote = cells.text();
  return g;
}

std::vector<std::string> group_columns(const std::string& group, bool with_comparisons) {
  std::vector<std::string> names{group + "_measures", group + "_facility"};
  if (with_comparisons) {
    for (const char* outcome : {"_better", "_no_different", "_worse"}) names.push_back(group + outcome);
  }
  names.push_back(group + "_footnote");
  return names;
}

}  // namespace

const RecordTable& hospitals_table() {
  static const RecordTable table = [] {
    RecordTable t{"hospitals",
                  {"id", "name", "address", "city", "state_code", "zip", "county", "county_fips", "phone", "type",
                   "ownership", "emergency_services", "birthing_friendly", "rating", "rating_footnote"},
                  "id"};
    for (auto [group, compared] : {std::pair{"mortality", true},
                                   {"safety", true},
                                   {"readmission", true},
                                   {"patient_experience", false},
                                   {"timely_effective", false}}) {
      for (auto& column : group_columns(group, compared)) t.columns.push_back(std::move(column));
    }
    for (const char* column : {"latitude", "longitude", "beds", "hifld_id"}) t.columns.emplace_back(column);
    return t;
  }();
  return table;
}

const RecordTable& zip_centroids_table() {
  static const RecordTable table{
      "zip_centroids", {"zip", "latitude", "longitude", "city", "state_code", "coord_source", "county_fips"}, "zip"};
  return table;
}

const RecordTable& counties_table() {
  static const RecordTable table{"counties",
                                 {"fips", "state_code", "name", "urban_rural_2023", "urban_rural_2013",
                                  "urban_rural_2006", "urban_rural_1990", "cbsa_title", "population"},
                                 "fips"};
  return table;
}

const RecordTable& state_indicators_table() {
  static const RecordTable table{"state_indicators",
                                 {"state_code", "year", "indicator", "value", "unit", "source"},
                                 "state_code, indicator, year"};
  return table;
}

const RecordTable& state_unemployment_table() {
  static const RecordTable table{"state_unemployment", {"state_code", "month", "rate_pct"}, "state_code, month"};
  return table;
}

const RecordTable& area_measures_table() {
  static const RecordTable table{"area_measures", {"fips", "level", "state_code", "measure", "value"}, "fips, measure"};
  return table;
}

const RecordTable& measure_definitions_table() {
  static const RecordTable table{
      "measure_definitions", {"name", "chr_measure_id", "description", "release", "source_file"}, "name"};
  return table;
}

TextRow to_row(const Hospital& h) {
  TextRow row{text(h.id),
              text(h.name),
              text(h.address),
              text(h.city),
              text(h.state),
              text(h.zip),
              text(h.county),
              text(h.county_fips),
              text(h.phone),
              text(h.type),
              text(h.ownership),
              boolean(h.emergency_services),
              boolean(h.birthing_friendly),
              integer(h.rating),
              text(h.rating_footnote)};
  append_group(row, h.mortality, true);
  append_group(row, h.safety, true);
  append_group(row, h.readmission, true);
  append_group(row, h.patient_experience, false);
  append_group(row, h.timely_effective, false);
  row.push_back(number(h.latitude));
  row.push_back(number(h.longitude));
  row.push_back(integer(h.beds));
  row.push_back(text(h.hifld_id));
  return row;
}

TextRow to_row(const ZipCentroid& z) {
  return {text(z.zip),   number(z.latitude),   number(z.longitude), text(z.city),
          text(z.state), text(z.coord_source), text(z.county_fips)};
}

TextRow to_row(const County& c) {
  return {text(c.fips),
          text(c.state),
          text(c.name),
          integer(c.urban_rural_2023),
          integer(c.urban_rural_2013),
          integer(c.urban_rural_2006),
          integer(c.urban_rural_1990),
          text(c.cbsa_title),
          integer(c.population)};
}

TextRow to_row(const StateIndicator& i) {
  return {text(i.state), integer(i.year), text(i.indicator), number(i.value), text(i.unit), text(i.source)};
}

TextRow to_row(const StateUnemployment& u) { return {text(u.state), text(u.month), number(u.rate_pct)}; }

TextRow to_row(const AreaMeasure& m) {
  return {text(m.fips), text(m.level), text(m.state), text(m.measure), number(m.value)};
}

TextRow to_row(const MeasureDefinition& d) {
  return {text(d.name), text(d.chr_measure_id), text(d.description), text(d.release), text(d.source_file)};
}

Hospital hospital_from_row(const TextRow& row) {
  Cells cells(row);
  Hospital h;
  h.id = cells.text();
  h.name = cells.text();
  h.address = cells.text();
  h.city = cells.text();
  h.state = cells.text();
  h.zip = cells.text();
  h.county = cells.text();
  h.county_fips = cells.optional_text();
  h.phone = cells.text();
  h.type = cells.text();
  h.ownership = cells.text();
  h.emergency_services = cells.boolean();
  h.birthing_friendly = cells.boolean();
  h.rating = cells.optional_integer();
  h.rating_footnote = cells.text();
  h.mortality = read_group(cells, true);
  h.safety = read_group(cells, true);
  h.readmission = read_group(cells, true);
  h.patient_experience = read_group(cells, false);
  h.timely_effective = read_group(cells, false);
  h.latitude = cells.optional_number();
  h.longitude = cells.optional_number();
  h.beds = cells.optional_integer();
  h.hifld_id = cells.optional_text();
  return h;
}

ZipCentroid zip_centroid_from_row(const TextRow& row) {
  Cells c(row);
  ZipCentroid z;
  z.zip = c.text();
  z.latitude = c.number();
  z.longitude = c.number();
  z.city = c.text();
  z.state = c.text();
  z.coord_source = c.text();
  z.county_fips = c.optional_text();
  return z;
}

County county_from_row(const TextRow& row) {
  Cells c(row);
  County county;
  county.fips = c.text();
  county.state = c.text();
  county.name = c.text();
  county.urban_rural_2023 = c.optional_integer();
  county.urban_rural_2013 = c.optional_integer();
  county.urban_rural_2006 = c.optional_integer();
  county.urban_rural_1990 = c.optional_integer();
  county.cbsa_title = c.text();
  county.population = c.optional_long();
  return county;
}

StateIndicator state_indicator_from_row(const TextRow& row) {
  Cells c(row);
  StateIndicator i;
  i.state = c.text();
  i.year = c.integer();
  i.indicator = c.text();
  i.value = c.number();
  i.unit = c.text();
  i.source = c.text();
  return i;
}

StateUnemployment state_unemployment_from_row(const TextRow& row) {
  Cells c(row);
  StateUnemployment u;
  u.state = c.text();
  u.month = c.text();
  u.rate_pct = c.number();
  return u;
}

AreaMeasure area_measure_from_row(const TextRow& row) {
  Cells c(row);
  AreaMeasure m;
  m.fips = c.text();
  m.level = c.text();
  m.state = c.text();
  m.measure = c.text();
  m.value = c.number();
  return m;
}

MeasureDefinition measure_definition_from_row(const TextRow& row) {
  Cells c(row);
  MeasureDefinition d;
  d.name = c.text();
  d.chr_measure_id = c.text();
  d.description = c.text();
  d.release = c.text();
  d.source_file = c.text();
  return d;
}

}  // namespace hci
