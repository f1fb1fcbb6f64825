#include "store/tables/manifest_tables.hpp"

namespace hci::store {

namespace {

constexpr ColumnType kText = ColumnType::text;
constexpr ColumnType kInteger = ColumnType::integer;

Column dataset_id() { return {"dataset_id", kInteger, false}; }

}  // namespace

const TableDescription& dataset_sources_table() {
  static const TableDescription table{"dataset_sources",
                                      {dataset_id(),
                                       {"position", kInteger, false},
                                       {"name", kText, false},
                                       {"path", kText, false},
                                       {"sha256", kText, false},
                                       {"bytes", kInteger, false},
                                       {"row_count", kInteger, false}},
                                      {"dataset_id", "name"},
                                      {}};
  return table;
}

const TableDescription& quality_issues_table() {
  static const TableDescription table{"quality_issues",
                                      {dataset_id(),
                                       {"source", kText, false},
                                       {"rule", kText, false},
                                       {"column_name", kText, false},
                                       {"severity", kText, false},
                                       {"count", kInteger, false},
                                       {"example", kText, false}},
                                      {},
                                      {{"quality_issues_dataset", {"dataset_id"}}}};
  return table;
}

const TableDescription& quarantined_rows_table() {
  static const TableDescription table{"quarantined_rows",
                                      {dataset_id(),
                                       {"source", kText, false},
                                       {"line", kInteger, false},
                                       {"reason", kText, false},
                                       {"raw_row", kText, false}},
                                      {},
                                      {{"quarantined_rows_dataset", {"dataset_id"}}}};
  return table;
}

const TableDescription& states_table() {
  static const TableDescription table{
      "states",
      {dataset_id(), {"code", kText, false}, {"fips", kText, false}, {"name", kText, false}, {"kind", kText, false}},
      {"dataset_id", "code"},
      {}};
  return table;
}

}  // namespace hci::store
