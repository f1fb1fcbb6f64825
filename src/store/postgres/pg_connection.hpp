#pragma once
// The PostgreSQL side of the SQL seam, over libpq.

#include <libpq-fe.h>

#include <memory>
#include <string>

#include "store/sql/sql_connection.hpp"

namespace hci::store::postgres {

/// One connection, used by one thread at a time. Statements are sent with text parameters ($1, $2, ...,
/// rewritten from the store's `?`); failures are one readable line: unavailable when the server cannot
/// be reached or drops the connection, internal otherwise.
class PgConnection final : public SqlConnection {
 public:
  /// Connects to a postgresql:// URI; throws Error(unavailable) naming host and port when it cannot.
  explicit PgConnection(const std::string& uri);

  void execute(std::string_view statements) override;
  void query(std::string_view sql, std::span<const SqlValue> parameters, const RowCallback& on_row) override;
  std::unique_ptr<BulkWriter> bulk_writer() override;
  bool try_lock(std::string_view name, std::string_view owner, std::chrono::seconds ttl) override;
  void unlock(std::string_view name, std::string_view owner) override;

  /// Throws the hci::Error for a failure while `doing`, with the server's message from `result` or the
  /// connection's own.
  [[noreturn]] void fail(std::string_view doing, const PGresult* result = nullptr) const;
  /// The raw connection, for the COPY protocol.
  PGconn* handle() const { return connection_.get(); }

 private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> connection_;
  std::string where_;  // "host:port/database"
};

/// `sql` with each `?` outside quoted literals replaced by $1, $2, ... in order.
std::string numbered_placeholders(std::string_view sql);

}  // namespace hci::store::postgres
