#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<StateIndicator>& record_table<StateIndicator>() {
  static const RecordTable<StateIndicator> table(
      "state_indicators",
      {column<&StateIndicator::state>("state_code"), column<&StateIndicator::year>("year"),
       column<&StateIndicator::indicator>("indicator"), column<&StateIndicator::value>("value"),
       column<&StateIndicator::unit>("unit"), column<&StateIndicator::source>("source"),
       column<&StateIndicator::missing_reason>("missing_reason")},
      {"state_code", "indicator", "year"});
  return table;
}

}  // namespace hci::store
