#include "store/sqlite/sqlite_bulk_writer.hpp"

#include "core/error.hpp"

namespace hci::store::sqlite {

namespace {

// "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ..." with `rows` tuples.
std::string insert_sql(const TableDescription& table, int rows) {
  std::string tuple = "(";
  for (std::size_t column = 0; column < table.columns.size(); ++column) tuple += column == 0 ? "?" : ", ?";
  tuple += ")";
  std::string sql = "INSERT INTO " + table.name + " (" + table.column_list() + ") VALUES ";
  for (int row = 0; row < rows; ++row) sql += (row == 0 ? "" : ", ") + tuple;
  return sql;
}

// The cell as it is bound: its own text, or a copy kept in `copy` when `copy_text`.
SqlValue kept_cell(const SqlValue& cell, std::string& copy, bool copy_text) {
  const auto* text = std::get_if<std::string_view>(&cell.get());
  if (text == nullptr || !copy_text) return cell;
  copy.assign(*text);
  return std::string_view(copy);
}

}  // namespace

SqliteBulkWriter::TableBatch::TableBatch(sqlite3* db, const TableDescription& described)
    : table(&described),
      columns(described.columns.size()),
      many(db, insert_sql(described, kRows)),
      one(db, insert_sql(described, 1)),
      cells(kRows * described.columns.size()),
      copies(kRows * described.columns.size()) {}

SqliteBulkWriter::SqliteBulkWriter(sqlite3* db) : db_(db) {}

SqliteBulkWriter::~SqliteBulkWriter() = default;

SqliteBulkWriter::TableBatch& SqliteBulkWriter::batch_for(const TableDescription& table) {
  if (last_ != nullptr && last_->table == &table) return *last_;
  for (auto& batch : batches_) {
    if (batch->table == &table) return *(last_ = batch.get());
  }
  batches_.push_back(std::make_unique<TableBatch>(db_, table));
  return *(last_ = batches_.back().get());
}

void SqliteBulkWriter::write(const TableDescription& table, std::span<const SqlValue> cells) {
  queue(table, cells, true);
}

void SqliteBulkWriter::write_borrowed(const TableDescription& table, std::span<const SqlValue> cells) {
  queue(table, cells, false);
}

void SqliteBulkWriter::queue(const TableDescription& table, std::span<const SqlValue> cells, bool copy_text) {
  TableBatch& batch = batch_for(table);
  if (cells.size() != batch.columns) {
    throw Error(ErrorCode::internal, "a row for " + table.name + " has " + std::to_string(cells.size()) +
                                         " cells, the table " + std::to_string(batch.columns) + " columns");
  }
  // Each cell is bound to the multi-row INSERT as it arrives; the INSERT runs when its kRows rows are in.
  const std::size_t first = static_cast<std::size_t>(batch.rows) * batch.columns;
  for (std::size_t column = 0; column < batch.columns; ++column) {
    const std::size_t slot = first + column;
    batch.cells[slot] = kept_cell(cells[column], batch.copies[slot], copy_text);
    batch.many.bind(static_cast<int>(slot) + 1, batch.cells[slot]);
  }
  if (++batch.rows < kRows) return;
  batch.many.run();
  batch.rows = 0;
}

void SqliteBulkWriter::finish() {
  for (auto& batch : batches_) {
    for (int row = 0; row < batch->rows; ++row) {
      const std::size_t first = static_cast<std::size_t>(row) * batch->columns;
      for (std::size_t column = 0; column < batch->columns; ++column) {
        batch->one.bind(static_cast<int>(column) + 1, batch->cells[first + column]);
      }
      batch->one.run();
    }
    batch->rows = 0;
  }
}

}  // namespace hci::store::sqlite
