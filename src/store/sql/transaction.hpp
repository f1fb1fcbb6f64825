#pragma once
// A transaction that rolls back unless committed, so every early return and exception leaves the
// database as it was.

#include "store/sql/sql_connection.hpp"

namespace hci::store {

/// Opens a transaction of `kind` on construction; commit() ends it, destruction without commit rolls it
/// back. A rollback on a connection that is gone is ignored: the server discards the transaction itself.
class Transaction {
 public:
  explicit Transaction(SqlConnection& connection, TransactionKind kind = TransactionKind::write);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  /// Commits; throws hci::Error when the database refuses (the transaction is then over).
  void commit();
  /// Rolls back now, if still open.
  void rollback() noexcept;

 private:
  SqlConnection& connection_;
  bool open_ = true;
};

}  // namespace hci::store
