#pragma once
// Bulk loads into SQLite as multi-row INSERTs: with small rows, SQLite's cost per statement outweighs its
// cost per row.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "store/sql/sql_connection.hpp"
#include "store/sqlite/sqlite_statement.hpp"

namespace hci::store::sqlite {

/// Buffers each table's rows and writes them kRows at a time with one INSERT of kRows value tuples;
/// finish() writes what is left one row per statement. Each cell is bound as it arrives, its text
/// without copying: write() first copies the text into a slot kept from one INSERT to the next (so a
/// long load reuses the same string buffers), write_borrowed() binds the caller's bytes themselves.
class SqliteBulkWriter final : public BulkWriter {
 public:
  static constexpr int kRows = 64;

  explicit SqliteBulkWriter(sqlite3* db);
  ~SqliteBulkWriter() override;

  void write(const TableDescription& table, std::span<const SqlValue> cells) override;
  void write_borrowed(const TableDescription& table, std::span<const SqlValue> cells) override;
  void finish() override;

 private:
  // The pending rows of one table.
  struct TableBatch {
    TableBatch(sqlite3* db, const TableDescription& table);
    const TableDescription* table;
    std::size_t columns;
    Statement many;                   // INSERT of kRows rows
    Statement one;                    // INSERT of one row, for the rest at finish()
    std::vector<SqlValue> cells;      // kRows x columns: the first `rows` rows are pending
    std::vector<std::string> copies;  // kRows x columns: the text write() copied, which `cells` borrow
    int rows = 0;
  };
  TableBatch& batch_for(const TableDescription& table);
  void queue(const TableDescription& table, std::span<const SqlValue> cells, bool copy_text);

  sqlite3* db_;
  std::vector<std::unique_ptr<TableBatch>> batches_;
  TableBatch* last_ = nullptr;  // the batch of the previous row: rows come in runs of one table
};

}  // namespace hci::store::sqlite
