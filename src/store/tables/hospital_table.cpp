#include "store/tables/record_tables.hpp"

namespace hci::store {

namespace {

// The columns of one measure group: counts, the three comparisons where CMS publishes them, the footnote.
template <auto Group>
void add_group(std::vector<RecordColumn<Hospital>>& columns, const std::string& prefix, bool compared) {
  columns.push_back(column<Group, &MeasureGroup::measures>(prefix + "_measures"));
  columns.push_back(column<Group, &MeasureGroup::facility_measures>(prefix + "_facility"));
  if (compared) {
    columns.push_back(column<Group, &MeasureGroup::better>(prefix + "_better"));
    columns.push_back(column<Group, &MeasureGroup::no_different>(prefix + "_no_different"));
    columns.push_back(column<Group, &MeasureGroup::worse>(prefix + "_worse"));
  }
  columns.push_back(column<Group, &MeasureGroup::footnote>(prefix + "_footnote"));
}

std::vector<RecordColumn<Hospital>> hospital_columns() {
  std::vector<RecordColumn<Hospital>> columns{
      column<&Hospital::id>("id"),
      column<&Hospital::name>("name"),
      column<&Hospital::address>("address"),
      column<&Hospital::city>("city"),
      column<&Hospital::state>("state_code"),
      column<&Hospital::zip>("zip"),
      column<&Hospital::county>("county"),
      column<&Hospital::county_fips>("county_fips"),
      column<&Hospital::phone>("phone"),
      column<&Hospital::type>("type"),
      column<&Hospital::ownership>("ownership"),
      column<&Hospital::emergency_services>("emergency_services"),
      column<&Hospital::birthing_friendly>("birthing_friendly"),
      column<&Hospital::rating>("rating"),
      column<&Hospital::rating_footnote>("rating_footnote"),
  };
  add_group<&Hospital::mortality>(columns, "mortality", true);
  add_group<&Hospital::safety>(columns, "safety", true);
  add_group<&Hospital::readmission>(columns, "readmission", true);
  add_group<&Hospital::patient_experience>(columns, "patient_experience", false);
  add_group<&Hospital::timely_effective>(columns, "timely_effective", false);
  columns.push_back(column<&Hospital::latitude>("latitude"));
  columns.push_back(column<&Hospital::longitude>("longitude"));
  columns.push_back(column<&Hospital::beds>("beds"));
  columns.push_back(column<&Hospital::hifld_id>("hifld_id"));
  return columns;
}

}  // namespace

template <>
const RecordTable<Hospital>& record_table<Hospital>() {
  static const RecordTable<Hospital> table("hospitals", hospital_columns(), {"id"});
  return table;
}

}  // namespace hci::store
