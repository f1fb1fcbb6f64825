#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<MedicaidEnrollment>& record_table<MedicaidEnrollment>() {
  using M = MedicaidEnrollment;
  static const RecordTable<M> table(
      "medicaid_enrollment",
      {column<&M::state>("state_code"), column<&M::month>("month"), column<&M::expanded>("expanded"),
       column<&M::updated>("updated"), column<&M::total_enrollment>("total_enrollment"),
       column<&M::medicaid_enrollment>("medicaid_enrollment"), column<&M::chip_enrollment>("chip_enrollment"),
       column<&M::adult_medicaid_enrollment>("adult_medicaid_enrollment"),
       column<&M::child_enrollment>("child_enrollment"), column<&M::new_applications>("new_applications"),
       column<&M::determinations>("determinations"), column<&M::footnotes>("footnotes")},
      {"state_code", "month"});
  return table;
}

}  // namespace hci::store
