#include "store/postgres/pg_connection.hpp"

#include "core/error.hpp"

namespace hci::pg {

namespace {

constexpr std::size_t kCopyBufferBytes = 1 << 16;

// Connects with a 10 s connect timeout unless the URI sets its own (its parameters come later and win), so an
// unreachable host fails a health check instead of hanging it for the kernel's TCP timeout.
PGconn* connect_with_timeout(const std::string& uri) {
  const char* keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"10", uri.c_str(), nullptr};
  return PQconnectdbParams(keywords, values, 1);
}

// The first line of a libpq message, without its "ERROR:  " prefix.
std::string first_line(const char* message) {
  std::string text = message ? message : "";
  if (auto end = text.find('\n'); end != std::string::npos) text.resize(end);
  if (text.rfind("ERROR:  ", 0) == 0) text.erase(0, 8);
  return text;
}

// Appends a cell in COPY text format: backslash escapes for the characters COPY treats specially.
void append_cell(std::string& out, const std::optional<std::string>& cell) {
  if (!cell) {
    out += "\\N";
    return;
  }
  for (char c : *cell) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

}  // namespace

TextRow Result::row(int row, int first) const {
  TextRow cells;
  const int columns = PQnfields(result_.get());
  for (int column = first; column < columns; ++column) {
    cells.push_back(is_null(row, column) ? std::nullopt : std::optional<std::string>(text(row, column)));
  }
  return cells;
}

Connection::Connection(const std::string& uri) : connection_(connect_with_timeout(uri), &PQfinish) {
  const char* host = PQhost(connection_.get());
  const char* port = PQport(connection_.get());
  const char* database = PQdb(connection_.get());
  where_ = std::string(host && *host ? host : "localhost") + ":" + (port && *port ? port : "5432") + "/" +
           (database ? database : "");
  if (PQstatus(connection_.get()) != CONNECTION_OK) {
    std::string reason = first_line(PQerrorMessage(connection_.get()));
    if (auto colon = reason.rfind(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    throw Error(ErrorCode::unavailable, "cannot connect to PostgreSQL at " + where_ + ": " + reason);
  }
  exec("SET client_min_messages = warning");
}

void Connection::fail(std::string_view doing, const PGresult* result) const {
  const bool lost = PQstatus(connection_.get()) != CONNECTION_OK;
  const char* message = result ? PQresultErrorMessage(result) : nullptr;
  const std::string reason = first_line(message && *message ? message : PQerrorMessage(connection_.get()));
  throw Error(
      lost ? ErrorCode::unavailable : ErrorCode::internal,
      "PostgreSQL at " + where_ + (lost ? " went away while " : " failed while ") + std::string(doing) + ": " + reason);
}

void Connection::exec(std::string_view sql) {
  PGresult* raw = PQexec(connection_.get(), std::string(sql).c_str());
  Result result(raw);
  const auto status = PQresultStatus(raw);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("running a statement", raw);
}

Result Connection::query(std::string_view sql, const std::vector<std::optional<std::string>>& parameters) {
  std::vector<const char*> values;
  for (const auto& p : parameters) values.push_back(p ? p->c_str() : nullptr);
  PGresult* raw = PQexecParams(connection_.get(), std::string(sql).c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
  Result result(raw);
  const auto status = PQresultStatus(raw);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail("running a query", raw);
  return result;
}

void Connection::begin_copy(const RecordTable& table, std::string_view leading_column) {
  std::string sql = "COPY " + table.name + " (" + std::string(leading_column);
  for (const auto& column : table.columns) sql += ", " + column;
  sql += ") FROM STDIN";
  PGresult* raw = PQexec(connection_.get(), sql.c_str());
  Result result(raw);
  if (PQresultStatus(raw) != PGRES_COPY_IN) fail("starting a COPY into " + table.name, raw);
  copying_ = true;
}

void Connection::copy_row(std::string_view leading_value, const TextRow& row) {
  buffer_ += leading_value;
  for (const auto& cell : row) {
    buffer_ += '\t';
    append_cell(buffer_, cell);
  }
  buffer_ += '\n';
  if (buffer_.size() >= kCopyBufferBytes) flush();
}

void Connection::flush() {
  if (buffer_.empty()) return;
  if (PQputCopyData(connection_.get(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) fail("sending rows");
  buffer_.clear();
}

void Connection::end_copy() {
  flush();
  copying_ = false;
  if (PQputCopyEnd(connection_.get(), nullptr) != 1) fail("finishing a COPY");
  std::optional<Result> failed;
  while (PGresult* raw = PQgetResult(connection_.get())) {
    Result result(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && !failed) failed.emplace(std::move(result));
  }
  if (failed) fail("finishing a COPY", failed->get());
}

}  // namespace hci::pg
