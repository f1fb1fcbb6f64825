#pragma once
// Thin RAII wrappers over libpq: a connection, a result, parameterised queries and COPY FROM STDIN.

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/record_codec.hpp"

namespace hci::pg {

/// A query result; rows and columns by index, cells as text (NULL as nullopt).
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, &PQclear) {}
  /// Rows in the result.
  int rows() const { return PQntuples(result_.get()); }
  /// The text of a cell; empty for NULL.
  std::string text(int row, int column) const { return PQgetvalue(result_.get(), row, column); }
  /// True when the cell is NULL.
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) == 1; }
  /// A whole row as text cells, from column `first` on.
  TextRow row(int row, int first = 0) const;
  /// The raw result, for error messages.
  const PGresult* get() const { return result_.get(); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

/// One connection, used by one thread at a time. Every failure throws hci::Error with one readable line:
/// unavailable when the server cannot be reached or drops the connection, internal otherwise.
class Connection {
 public:
  /// Connects to a postgresql:// URI; throws Error(unavailable) naming host and port when it cannot.
  explicit Connection(const std::string& uri);
  /// Runs statements without parameters.
  void exec(std::string_view sql);
  /// Runs one statement with text parameters ($1, $2, ...; nullopt = NULL) and returns its rows.
  Result query(std::string_view sql, const std::vector<std::optional<std::string>>& parameters = {});
  /// Streams rows into `table (columns)` with COPY FROM STDIN (text format); call copy_row() per row,
  /// then end_copy() to finish and check the server accepted everything.
  void begin_copy(const RecordTable& table, std::string_view leading_column);
  void copy_row(std::string_view leading_value, const TextRow& row);
  void end_copy();
  /// True while a COPY is open.
  bool copying() const { return copying_; }
  /// "host:port/database", for messages.
  const std::string& where() const { return where_; }

 private:
  [[noreturn]] void fail(std::string_view doing, const PGresult* result = nullptr) const;
  void flush();

  std::unique_ptr<PGconn, decltype(&PQfinish)> connection_;
  std::string where_;
  std::string buffer_;
  bool copying_ = false;
};

}  // namespace hci::pg
