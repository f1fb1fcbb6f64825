#pragma once
// Multi-row INSERTs for bulk loads: with small rows, SQLite's cost per statement outweighs its cost per row.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace hci::sqlite {

/// Buffers the records of one table and writes them kRows at a time with one INSERT of kRows value
/// tuples; flush() writes what is left one row per statement. Records are copied, because text is
/// bound without copying and must live until the statement runs; they are copied into slots kept from
/// one INSERT to the next, so a long load reuses the same string buffers instead of allocating.
template <typename Record>
class BatchedInsert {
 public:
  /// Binds one record's columns to the parameters first, first + 1, ...
  using BindRow = std::function<void(Statement& statement, int first, const Record& record)>;
  static constexpr int kRows = 64;

  /// `insert` is the statement up to VALUES (e.g. "INSERT INTO t (a, b)"); each row has `columns` values.
  BatchedInsert(sqlite3* db, std::string_view insert, int columns, BindRow bind_row)
      : columns_(columns),
        bind_row_(std::move(bind_row)),
        many_(db, with_values(insert, columns, kRows)),
        one_(db, with_values(insert, columns, 1)),
        pending_(kRows) {}

  /// Queues a record; writes the queue when it holds kRows.
  void add(const Record& record) {
    pending_[pending_count_++] = record;
    if (pending_count_ == kRows) {
      for (int row = 0; row < kRows; ++row) bind_row_(many_, 1 + row * columns_, pending_[row]);
      many_.run();
      pending_count_ = 0;
    }
  }

  /// Writes the records still queued.
  void flush() {
    for (int row = 0; row < pending_count_; ++row) {
      bind_row_(one_, 1, pending_[row]);
      one_.run();
    }
    pending_count_ = 0;
  }

 private:
  static std::string with_values(std::string_view insert, int columns, int rows) {
    std::string tuple = "(";
    for (int column = 0; column < columns; ++column) tuple += column == 0 ? "?" : ", ?";
    tuple += ")";
    std::string sql = std::string(insert) + " VALUES ";
    for (int row = 0; row < rows; ++row) sql += (row == 0 ? "" : ", ") + tuple;
    return sql;
  }

  int columns_;
  BindRow bind_row_;
  Statement many_;
  Statement one_;
  std::vector<Record> pending_;  // kRows slots; the first pending_count_ are queued
  int pending_count_ = 0;
};

}  // namespace hci::sqlite
