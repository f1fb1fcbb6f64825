#include "store/tables/record_tables.hpp"

namespace hci::store {

template <>
const RecordTable<MeasureDefinition>& record_table<MeasureDefinition>() {
  static const RecordTable<MeasureDefinition> table(
      "measure_definitions",
      {column<&MeasureDefinition::name>("name"), column<&MeasureDefinition::chr_measure_id>("chr_measure_id"),
       column<&MeasureDefinition::description>("description"), column<&MeasureDefinition::release>("release"),
       column<&MeasureDefinition::source_file>("source_file")},
      {"name"});
  return table;
}

}  // namespace hci::store
