#include "store/postgres/pg_copy_writer.hpp"

#include <charconv>

namespace hci::store::postgres {

namespace {

constexpr std::size_t kSendBytes = 1 << 16;

// Appends a cell in COPY text format: \N for NULL, t / f, shortest exact numbers, backslash escapes for the
// characters COPY treats specially.
void append_cell(std::string& out, const SqlValue& cell) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          out += "\\N";
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? 't' : 'f';
        } else if constexpr (std::is_same_v<T, std::string_view>) {
          for (char c : v) {
            switch (c) {
              case '\\': out += "\\\\"; break;
              case '\t': out += "\\t"; break;
              case '\n': out += "\\n"; break;
              case '\r': out += "\\r"; break;
              default: out += c;
            }
          }
        } else {
          char buffer[32];
          out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
        }
      },
      cell.get());
}

}  // namespace

PgCopyWriter::~PgCopyWriter() {
  if (copying_ == nullptr) return;
  // Abandoned mid-COPY (the load failed): end it so the connection can roll back.
  PQputCopyEnd(connection_.handle(), "load abandoned");
  while (PGresult* result = PQgetResult(connection_.handle())) PQclear(result);
}

void PgCopyWriter::begin(const TableDescription& table) {
  finish();
  const std::string sql = "COPY " + table.name + " (" + table.column_list() + ") FROM STDIN";
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection_.handle(), sql.c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COPY_IN)
    connection_.fail("starting a COPY into " + table.name, result.get());
  copying_ = &table;
}

void PgCopyWriter::write(const TableDescription& table, std::span<const SqlValue> cells) {
  if (copying_ != &table) begin(table);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) buffer_ += '\t';
    append_cell(buffer_, cells[i]);
  }
  buffer_ += '\n';
  if (buffer_.size() >= kSendBytes) send();
}

void PgCopyWriter::send() {
  if (buffer_.empty()) return;
  if (PQputCopyData(connection_.handle(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    connection_.fail("sending rows");
  }
  buffer_.clear();
}

void PgCopyWriter::finish() {
  if (copying_ == nullptr) return;
  const std::string table = copying_->name;
  send();
  copying_ = nullptr;
  if (PQputCopyEnd(connection_.handle(), nullptr) != 1) connection_.fail("finishing a COPY into " + table);
  std::unique_ptr<PGresult, decltype(&PQclear)> failed(nullptr, &PQclear);
  while (PGresult* raw = PQgetResult(connection_.handle())) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(raw, &PQclear);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && !failed) failed = std::move(result);
  }
  if (failed) connection_.fail("finishing a COPY into " + table, failed.get());
}

}  // namespace hci::store::postgres
