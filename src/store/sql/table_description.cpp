#include "store/sql/table_description.hpp"

namespace hci::store {

std::string TableDescription::column_list() const {
  std::string list;
  for (const auto& column : columns) list += (list.empty() ? "" : ", ") + column.name;
  return list;
}

const char* column_type_name(ColumnType type) {
  switch (type) {
    case ColumnType::text: return "text";
    case ColumnType::integer: return "integer";
    case ColumnType::real: return "real";
    case ColumnType::boolean: return "boolean";
  }
  return "text";
}

}  // namespace hci::store
