#include "store/sql/transaction.hpp"

namespace hci::store {

Transaction::Transaction(SqlConnection& connection, TransactionKind kind) : connection_(connection) {
  connection_.execute(connection_.dialect().begin(kind));
}

Transaction::~Transaction() { rollback(); }

void Transaction::commit() {
  connection_.execute("COMMIT");  // when COMMIT fails the transaction stays open and is rolled back
  open_ = false;
}

void Transaction::rollback() noexcept {
  if (!open_) return;
  open_ = false;
  try {
    connection_.execute("ROLLBACK");
  } catch (...) {
    // The connection is gone or broken; the database discards the open transaction on its own.
  }
}

}  // namespace hci::store
