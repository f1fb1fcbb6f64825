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

// Copies a cell into its slot, reusing the slot's string buffer when it already holds text.
void store_cell(SqliteBulkWriter::StoredCell& slot, const SqlValue& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string_view>) {
          if (auto* text = std::get_if<std::string>(&slot)) {
            text->assign(v);
          } else {
            slot.template emplace<std::string>(v);
          }
        } else if constexpr (std::is_same_v<T, bool>) {
          slot = static_cast<std::int64_t>(v ? 1 : 0);
        } else {
          slot = v;
        }
      },
      value.get());
}

SqlValue bound(const SqliteBulkWriter::StoredCell& slot) {
  return std::visit([](const auto& v) { return SqlValue(v); }, slot);
}

}  // namespace

SqliteBulkWriter::TableBatch::TableBatch(sqlite3* db, const TableDescription& described)
    : table(&described),
      columns(described.columns.size()),
      many(db, insert_sql(described, kRows)),
      one(db, insert_sql(described, 1)),
      cells(kRows * described.columns.size()) {}

void SqliteBulkWriter::TableBatch::bind_rows(Statement& statement, int first_row, int count) {
  for (int row = 0; row < count; ++row) {
    for (std::size_t column = 0; column < columns; ++column) {
      statement.bind(static_cast<int>(row * columns + column) + 1, bound(cells[(first_row + row) * columns + column]));
    }
  }
}

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
  TableBatch& batch = batch_for(table);
  if (cells.size() != batch.columns) {
    throw Error(ErrorCode::internal, "a row for " + table.name + " has " + std::to_string(cells.size()) +
                                         " cells, the table " + std::to_string(batch.columns) + " columns");
  }
  for (std::size_t column = 0; column < batch.columns; ++column) {
    store_cell(batch.cells[batch.rows * batch.columns + column], cells[column]);
  }
  if (++batch.rows < kRows) return;
  batch.bind_rows(batch.many, 0, kRows);
  batch.many.run();
  batch.rows = 0;
}

void SqliteBulkWriter::finish() {
  for (auto& batch : batches_) {
    for (int row = 0; row < batch->rows; ++row) {
      batch->bind_rows(batch->one, row, 1);
      batch->one.run();
    }
    batch->rows = 0;
  }
}

}  // namespace hci::store::sqlite
