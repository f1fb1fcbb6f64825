#pragma once
// Bulk loads into PostgreSQL with COPY FROM STDIN (text format).

#include <string>

#include "store/postgres/pg_connection.hpp"

namespace hci::store::postgres {

/// Streams rows with COPY: a table's COPY stays open while its rows arrive in a run, and switches when
/// rows of another table come. Rows are sent in 64 KiB pieces.
class PgCopyWriter final : public BulkWriter {
 public:
  explicit PgCopyWriter(PgConnection& connection) : connection_(connection) {}
  ~PgCopyWriter() override;

  void write(const TableDescription& table, std::span<const SqlValue> cells) override;
  void finish() override;

 private:
  void begin(const TableDescription& table);
  void send();

  PgConnection& connection_;
  const TableDescription* copying_ = nullptr;
  std::string buffer_;
};

}  // namespace hci::store::postgres
