#pragma once
// What a stored table looks like, declared once: its name, its columns with their types, its key and
// its secondary indexes. The seam's bulk writers build their INSERTs and COPYs from it, the record tables
// (store/tables/) build their reads on it, and a test checks each against the migrated schema of each
// dialect.

#include <string>
#include <vector>

namespace hci::store {

/// The logical type of a column; each dialect's migrations spell it in their own types
/// (text: TEXT / text; integer: INTEGER / integer or bigint; real: REAL / double precision;
/// boolean: INTEGER 0/1 / boolean).
enum class ColumnType { text, integer, real, boolean };

/// One column.
struct Column {
  std::string name;
  ColumnType type = ColumnType::text;
  bool nullable = false;
};

/// A secondary index and the columns it covers, in order.
struct TableIndex {
  std::string name;
  std::vector<std::string> columns;
};

/// A table: the columns in the order rows are written and read, the primary key (also the order a
/// version's rows are read back in) and the secondary indexes.
struct TableDescription {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> key;
  std::vector<TableIndex> indexes;

  /// "a, b, c": the column list of every INSERT, COPY and SELECT on the table.
  std::string column_list() const;
};

/// The lowercase name of a column type ("text", ...), for messages.
const char* column_type_name(ColumnType type);

}  // namespace hci::store
