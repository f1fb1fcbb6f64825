#pragma once
// RAII over an SQLite prepared statement: SqlValue binding, stepping, and the current row as an SqlRow.

#include <sqlite3.h>

#include <cstdint>
#include <string_view>

#include "store/sql/sql_row.hpp"
#include "store/sql/sql_value.hpp"

namespace hci::store::sqlite {

/// A prepared statement. Bind with 1-based indexes, step, read the row, reset to reuse. Not thread-safe.
class Statement final : public SqlRow {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement() override;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Binds a value to parameter `index`. Text is not copied: it must stay alive until the statement runs.
  void bind(int index, const SqlValue& value);
  /// Binds NULL, an integer (booleans as 0 / 1), a real or a borrowed text to parameter `index`.
  void bind(int index, std::nullptr_t);
  void bind(int index, std::int64_t value);
  void bind(int index, double value);
  void bind(int index, std::string_view text);
  /// Advances; true while a row is available. Throws hci::Error on failure.
  bool step();
  /// Runs a statement that returns no rows, then resets it for reuse.
  void run();
  /// Clears the result so the statement can run again (bindings are kept until rebound).
  void reset();

  int columns() const override;
  bool is_null(int column) const override;
  std::int64_t integer(int column) const override;
  double real(int column) const override;
  bool boolean(int column) const override;
  std::string_view text(int column) const override;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// Throws hci::Error describing an SQLite failure (busy, locked, full, I/O -> unavailable; others -> internal).
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view doing);

}  // namespace hci::store::sqlite
