#include "ingest/cms_hospitals.hpp"

#include <string>
#include <unordered_set>

#include "core/text.hpp"
#include "core/us_states.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

constexpr int kMaxMeasureCount = 1000;

// The columns of one measure group; comparison columns are absent for patient experience and TE.
struct GroupColumns {
  Column measures, facility, footnote;
  std::optional<Column> better, no_different, worse;
};

GroupColumns require_group(ColumnMap& map, const std::string& prefix, bool with_comparisons) {
  GroupColumns group{map.require(prefix + " Group Measure Count"),
                     map.require("Count of Facility " + prefix + " Measures"),
                     map.require(prefix + " Group Footnote"),
                     std::nullopt,
                     std::nullopt,
                     std::nullopt};
  if (with_comparisons) {
    group.better = map.require("Count of " + prefix + " Measures Better");
    group.no_different = map.require("Count of " + prefix + " Measures No Different");
    group.worse = map.require("Count of " + prefix + " Measures Worse");
  }
  return group;
}

std::optional<int> count(RowValidator& row, const Column& column) {
  auto value = row.integer(column, 0, kMaxMeasureCount);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

MeasureGroup read_group(RowValidator& row, const GroupColumns& columns) {
  MeasureGroup group;
  group.measures = count(row, columns.measures);
  group.facility_measures = count(row, columns.facility);
  if (columns.better) group.better = count(row, *columns.better);
  if (columns.no_different) group.no_different = count(row, *columns.no_different);
  if (columns.worse) group.worse = count(row, *columns.worse);
  group.footnote = std::string(row.text(columns.footnote));
  return group;
}

struct CmsColumns {
  explicit CmsColumns(ColumnMap& map)
      : id(map.require("Facility ID")),
        name(map.require("Facility Name")),
        address(map.require("Address")),
        city(map.require("City/Town")),
        state(map.require("State")),
        zip(map.require("ZIP Code")),
        county(map.require("County/Parish")),
        phone(map.require("Telephone Number")),
        type(map.require("Hospital Type")),
        ownership(map.require("Hospital Ownership")),
        emergency(map.require("Emergency Services")),
        birthing(map.require("Meets criteria for birthing friendly designation")),
        rating(map.require("Hospital overall rating")),
        rating_footnote(map.require("Hospital overall rating footnote")),
        mortality(require_group(map, "MORT", true)),
        safety(require_group(map, "Safety", true)),
        readmission(require_group(map, "READM", true)),
        patient_experience(require_group(map, "Pt Exp", false)),
        timely_effective(require_group(map, "TE", false)) {
    map.check();
  }
  Column id, name, address, city, state, zip, county, phone, type, ownership, emergency, birthing, rating,
      rating_footnote;
  GroupColumns mortality, safety, readmission, patient_experience, timely_effective;
};

bool is_alnum_id(std::string_view id) {
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return !id.empty();
}

// CCNs are 6 characters; the CSV stored them as numbers, dropping leading zeros.
std::string read_facility_id(RowValidator& row, const Column& column) {
  std::string id = row.required_text(column);
  if (id.empty()) return id;
  if (id.size() > 6 || !is_alnum_id(id)) {
    row.reject(column, "type", "expected a CMS Certification Number of up to 6 letters or digits, got '" + id + "'");
  }
  return zero_pad(id, 6);
}

std::string read_zip(RowValidator& row, const Column& column) {
  std::string_view raw = row.text(column);
  std::string_view five = raw.substr(0, raw.find('-'));  // ZIP+4 keeps its first five digits
  if (!is_all_digits(five) || five.size() > 5) {
    row.reject(column, "type", "expected a 5-digit ZIP code, got '" + std::string(raw) + "'");
    return {};
  }
  return zero_pad(five, 5);
}

std::string read_state(RowValidator& row, const Column& column) {
  std::string state = row.required_text(column);
  auto jurisdiction = find_jurisdiction(state);
  if (!state.empty() && (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only)) {
    row.reject(column, "reference", "unknown state or territory '" + state + "'");
  }
  return state;
}

}  // namespace

void read_cms_hospitals(CsvReader& reader, QualityReport& report, const std::function<void(Hospital&)>& emit) {
  ColumnMap map(reader);
  const CmsColumns c(map);
  RowValidator row(reader, "cms_hospitals", report);
  std::unordered_set<std::string> seen_ids;
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    Hospital h;
    h.id = read_facility_id(row, c.id);
    h.name = row.required_text(c.name);
    h.address = std::string(row.text(c.address));
    h.city = std::string(row.text(c.city));
    h.state = read_state(row, c.state);
    h.zip = read_zip(row, c.zip);
    h.county = std::string(row.text(c.county));
    h.phone = std::string(row.text(c.phone));
    h.type = row.required_text(c.type);
    h.ownership = std::string(row.text(c.ownership));
    h.emergency_services = row.flag(c.emergency, "Yes", "No");
    h.birthing_friendly = row.flag(c.birthing, "Y", "");
    auto rating = row.integer(c.rating, 1, 5);
    h.rating = rating ? std::optional<int>(static_cast<int>(*rating)) : std::nullopt;
    h.rating_footnote = std::string(row.text(c.rating_footnote));
    h.mortality = read_group(row, c.mortality);
    h.safety = read_group(row, c.safety);
    h.readmission = read_group(row, c.readmission);
    h.patient_experience = read_group(row, c.patient_experience);
    h.timely_effective = read_group(row, c.timely_effective);
    // Only rows that pass every other rule claim their ID, so a quarantined row never shadows a good one.
    if (row.ok() && !seen_ids.insert(h.id).second) {
      row.reject(c.id, "uniqueness", "duplicate Facility ID '" + h.id + "' (first occurrence kept)");
    }
    if (!row.end_row()) continue;
    emit(h);
  }
}

}  // namespace hci::ingest
