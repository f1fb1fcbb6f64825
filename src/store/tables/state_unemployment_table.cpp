#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<StateUnemployment>& record_table<StateUnemployment>() {
  static const RecordTable<StateUnemployment> table(
      "state_unemployment",
      {column<&StateUnemployment::state>("state_code"), column<&StateUnemployment::month>("month"),
       column<&StateUnemployment::rate_pct>("rate_pct")},
      {"state_code", "month"});
  return table;
}

}  // namespace hci::store
