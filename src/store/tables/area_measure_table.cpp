#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<AreaMeasure>& record_table<AreaMeasure>() {
  static const RecordTable<AreaMeasure> table(
      "area_measures",
      {column<&AreaMeasure::fips>("fips"), column<&AreaMeasure::level>("level"),
       column<&AreaMeasure::state>("state_code"), column<&AreaMeasure::measure>("measure"),
       column<&AreaMeasure::value>("value")},
      {"fips", "measure"});
  return table;
}

}  // namespace hci::store
