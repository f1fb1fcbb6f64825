#pragma once
// What differs between the SQL backends beyond their connections: their migrations and how they open
// transactions. Statements are otherwise written once, with `?` placeholders, `true`/`false` literals and
// timestamps bound from the program's clock.

#include <span>
#include <string>
#include <string_view>

#include "store/migration.hpp"

namespace hci::store {

/// How a transaction is opened: to write (SQLite takes the write lock at once) or to read a consistent
/// view of several tables (PostgreSQL: repeatable read).
enum class TransactionKind { write, consistent_read };

/// One backend's dialect.
struct SqlDialect {
  std::string_view name;                   // "sqlite" or "postgres", as in migrations/<name>/
  std::span<const Migration> migrations;   // in version order; numbers a dialect does not need are skipped
  std::string_view begin_write;            // the statement opening a write transaction
  std::string_view begin_consistent_read;  // the statement opening a consistent read transaction
  bool analyze_after_load = false;         // whether a load refreshes its tables' planner statistics (ANALYZE)
  /// What to tell the operator when a migration fails, beyond the database's own message (may be empty).
  std::string (*migration_hint)(std::string_view migration_name, std::string_view where) = nullptr;

  /// The statement that opens a transaction of `kind`.
  std::string_view begin(TransactionKind kind) const {
    return kind == TransactionKind::write ? begin_write : begin_consistent_read;
  }
};

}  // namespace hci::store
