#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<MeasureValue>& record_table<MeasureValue>() {
  static const RecordTable<MeasureValue> table(
      "measure_values",
      {column<&MeasureValue::facility_id>("facility_id"), column<&MeasureValue::measure_id>("measure_id"),
       column<&MeasureValue::value>("value"), column<&MeasureValue::missing_reason>("missing_reason"),
       column<&MeasureValue::footnote>("footnote"), column<&MeasureValue::denominator>("denominator"),
       column<&MeasureValue::comparison>("comparison")},
      {"facility_id", "measure_id"});
  return table;
}

}  // namespace hci::store
