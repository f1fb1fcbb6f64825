#pragma once
// The SQLite side of the SQL seam: one database file in WAL mode.

#include <sqlite3.h>

#include <string>

#include "store/open_mode.hpp"
#include "store/sql/sql_connection.hpp"

namespace hci::store::sqlite {

/// An open SQLite file with the pragmas the store relies on (WAL, foreign keys, busy timeout). Readers in
/// other processes keep seeing the last committed state while a transaction writes.
class SqliteConnection final : public SqlConnection {
 public:
  /// Opens the file, creating it only when `mode` allows; throws hci::Error(unavailable) naming the path
  /// when it cannot.
  SqliteConnection(const std::string& path, OpenMode mode);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  void execute(std::string_view statements) override;
  void query(std::string_view sql, std::span<const SqlValue> parameters, const RowCallback& on_row) override;
  std::unique_ptr<BulkWriter> bulk_writer() override;
  bool try_lock(std::string_view name, std::string_view owner, std::chrono::seconds ttl) override;
  void unlock(std::string_view name, std::string_view owner) override;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace hci::store::sqlite
