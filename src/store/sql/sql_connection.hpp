#pragma once
// The seam between the store's logic and a database: a connection that runs statements with bound
// parameters, bulk-loads rows, and holds a named lock. The store's logic is written once above it;
// sqlite/ and postgres/ implement it.

#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/sql/sql_dialect.hpp"
#include "store/sql/sql_row.hpp"
#include "store/sql/sql_value.hpp"
#include "store/sql/table_description.hpp"

namespace hci::store {

/// Receives each row of a result, in order.
using RowCallback = std::function<void(const SqlRow& row)>;

/// Rows streamed into tables inside the open transaction, faster than one INSERT each: multi-row
/// INSERTs (SQLite) or COPY (PostgreSQL). Rows of one table keep their order. No other statement may
/// run on the connection until finish() returns.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  /// Queues one row of `table`, its cells in the table's column order; text is copied before this returns.
  virtual void write(const TableDescription& table, std::span<const SqlValue> cells) = 0;
  /// Queues one row like write() without copying its text, which must stay valid until finish() returns.
  virtual void write_borrowed(const TableDescription& table, std::span<const SqlValue> cells) { write(table, cells); }
  /// Writes everything still queued (the writer stays usable); throws hci::Error when the database refuses a row.
  virtual void finish() = 0;
};

/// One open database connection, used by one thread at a time. Every failure throws hci::Error with one
/// readable line: unavailable when the database cannot be reached or is busy, internal otherwise.
class SqlConnection {
 public:
  /// A connection speaking `dialect` to the database `description` names.
  SqlConnection(const SqlDialect& dialect, std::string description)
      : dialect_(dialect), description_(std::move(description)) {}
  virtual ~SqlConnection() = default;
  /// Runs one or more statements without parameters (migrations, transaction control).
  virtual void execute(std::string_view statements) = 0;
  /// Runs one statement whose `?` placeholders take `parameters` in order, calling `on_row` per result row.
  virtual void query(std::string_view sql, std::span<const SqlValue> parameters, const RowCallback& on_row) = 0;
  /// Starts a bulk load inside the open transaction.
  virtual std::unique_ptr<BulkWriter> bulk_writer() = 0;
  /// Takes the lock `name` for `owner` unless another owner holds it; false when it is held. It lapses after
  /// `ttl` (SQLite's lease) or when this connection closes (PostgreSQL's session advisory lock).
  virtual bool try_lock(std::string_view name, std::string_view owner, std::chrono::seconds ttl) = 0;
  /// Releases the lock `name` if `owner` holds it.
  virtual void unlock(std::string_view name, std::string_view owner) = 0;
  /// The backend's dialect.
  const SqlDialect& dialect() const { return dialect_; }
  /// Where the database lives, for messages: "sqlite:PATH" or "postgresql://host:port/database" (no password).
  const std::string& describe() const { return description_; }

 protected:
  /// Sets what describe() says, for a backend that learns it only once connected.
  void set_description(std::string description) { description_ = std::move(description); }

 private:
  const SqlDialect& dialect_;
  std::string description_;
};

/// Runs a statement that returns no rows of interest.
void run(SqlConnection& connection, std::string_view sql, std::initializer_list<SqlValue> parameters = {});

/// Runs a query and calls `on_row` per row.
void for_each_row(SqlConnection& connection, std::string_view sql, std::initializer_list<SqlValue> parameters,
                  const RowCallback& on_row);

/// The first column of the first row as an integer, or nullopt when there is no row (or it is NULL).
std::optional<std::int64_t> query_integer(SqlConnection& connection, std::string_view sql,
                                          std::initializer_list<SqlValue> parameters = {});

/// The first column of the first row as text, or nullopt when there is no row (or it is NULL).
std::optional<std::string> query_text(SqlConnection& connection, std::string_view sql,
                                      std::initializer_list<SqlValue> parameters = {});

/// The current UTC time as ISO 8601 ("2026-12-01T18:45:50Z"), the form every stored timestamp takes.
std::string utc_timestamp_now();

}  // namespace hci::store
