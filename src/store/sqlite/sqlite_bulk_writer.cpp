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

// Copies a cell into its slot (reusing the slot's string buffer when it already holds text) and binds the
// slot's copy to parameter `index` of `statement`.
void keep_and_bind(SqliteBulkWriter::StoredCell& slot, const SqlValue& value, Statement& statement, int index) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string_view>) {
          auto* text = std::get_if<std::string>(&slot);
          if (text != nullptr) {
            text->assign(v);
          } else {
            text = &slot.template emplace<std::string>(v);
          }
          statement.bind(index, std::string_view(*text));
        } else if constexpr (std::is_same_v<T, bool>) {
          slot = static_cast<std::int64_t>(v ? 1 : 0);
          statement.bind(index, std::get<std::int64_t>(slot));
        } else {
          slot = v;
          statement.bind(index, v);
        }
      },
      value.get());
}

// Binds a kept cell again, to another statement.
void bind_kept(const SqliteBulkWriter::StoredCell& slot, Statement& statement, int index) {
  std::visit(
      [&](const auto& v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
          statement.bind(index, std::string_view(v));
        } else {
          statement.bind(index, v);
        }
      },
      slot);
}

}  // namespace

SqliteBulkWriter::TableBatch::TableBatch(sqlite3* db, const TableDescription& described)
    : table(&described),
      columns(described.columns.size()),
      many(db, insert_sql(described, kRows)),
      one(db, insert_sql(described, 1)),
      cells(kRows * described.columns.size()) {}

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
  // Each cell is bound to the multi-row INSERT as it arrives; the INSERT runs when its kRows rows are in.
  const std::size_t first = static_cast<std::size_t>(batch.rows) * batch.columns;
  for (std::size_t column = 0; column < batch.columns; ++column) {
    keep_and_bind(batch.cells[first + column], cells[column], batch.many, static_cast<int>(first + column) + 1);
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
        bind_kept(batch->cells[first + column], batch->one, static_cast<int>(column) + 1);
      }
      batch->one.run();
    }
    batch->rows = 0;
  }
}

}  // namespace hci::store::sqlite
