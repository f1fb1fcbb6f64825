#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<HospitalMeasure>& record_table<HospitalMeasure>() {
  static const RecordTable<HospitalMeasure> table(
      "hospital_measures",
      {column<&HospitalMeasure::id>("measure_id"), column<&HospitalMeasure::name>("name"),
       column<&HospitalMeasure::group>("measure_group"), column<&HospitalMeasure::direction>("direction"),
       column<&HospitalMeasure::unit>("unit"), column<&HospitalMeasure::period_start>("period_start"),
       column<&HospitalMeasure::period_end>("period_end"), column<&HospitalMeasure::fiscal_year>("fiscal_year"),
       column<&HospitalMeasure::source>("source"), column<&HospitalMeasure::national>("national_value")},
      {"measure_id"});
  return table;
}

}  // namespace hci::store
