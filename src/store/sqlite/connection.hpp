#pragma once
// Thin RAII wrappers over the SQLite C API: a connection and a prepared statement.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/open_mode.hpp"

namespace hci::sqlite {

/// A prepared statement. Bind with 1-based indexes, step, read columns, reset to reuse. Not thread-safe.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Binds a value; std::nullopt binds NULL. Text is not copied: it must stay alive until step()/run().
  void bind(int index, std::int64_t value);
  void bind(int index, double value);
  void bind(int index, std::string_view value);
  void bind(int index, std::nullptr_t);
  template <typename T>
  void bind(int index, const std::optional<T>& value) {
    if (value) {
      bind(index, *value);
    } else {
      bind(index, nullptr);
    }
  }
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  void bind(int index, const std::string& value) { bind(index, std::string_view(value)); }
  void bind(int index, const char* value) { bind(index, std::string_view(value)); }

  /// Binds the arguments to parameters 1..N in order, then runs the statement (no rows expected).
  template <typename... Args>
  void run_with(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    run();
  }

  /// Advances; true while a row is available. Throws hci::Error on failure.
  bool step();
  /// Runs a statement that returns no rows, then resets it for reuse.
  void run();
  /// Clears the result so the statement can run again (bindings are kept until rebound).
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  bool column_is_null(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// An open SQLite database file with the pragmas the store relies on (WAL, foreign keys, busy timeout).
class Connection {
 public:
  /// Opens the file, creating it only when `mode` allows; throws hci::Error(unavailable) naming the path
  /// when it cannot.
  Connection(const std::string& path, OpenMode mode);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs one or more statements without parameters.
  void exec(std::string_view sql);
  /// Prepares a statement bound to this connection.
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  /// The raw handle, for the few calls the wrapper does not cover.
  sqlite3* handle() const { return db_; }
  /// The path the connection was opened with.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

/// Throws hci::Error describing an SQLite failure (busy/locked -> unavailable, others -> internal).
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view doing);

}  // namespace hci::sqlite
