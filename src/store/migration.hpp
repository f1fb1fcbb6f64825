#pragma once
// Numbered schema migrations, embedded in the binary from migrations/<dialect>/NNN_name.sql.

#include <span>
#include <string_view>

namespace hci::store {

/// One schema change, applied once, in order, in its own transaction, recorded in schema_migrations.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

/// The SQLite migrations in version order.
std::span<const Migration> sqlite_migrations();

/// The PostgreSQL migrations in version order (built with HCI_WITH_POSTGRES).
std::span<const Migration> postgres_migrations();

// A change to both dialects has the same number in both; a number only one dialect needs is skipped by
// the other (PostgreSQL has no 005-009: its 001-004 already hold what SQLite added in 002-008).

}  // namespace hci::store
