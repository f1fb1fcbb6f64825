#include "store/postgres/pg_connection.hpp"

#include <charconv>

#include "core/error.hpp"
#include "store/postgres/pg_copy_writer.hpp"

namespace hci::store::postgres {

namespace {

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

std::string postgis_hint(std::string_view migration_name, std::string_view where) {
  if (migration_name != "postgis") return "";
  return "PostGIS is not available in " + std::string(where) +
         ": install postgresql-15-postgis-3 on the server and let a superuser run 'CREATE EXTENSION postgis' in "
         "this database, then run 'hci db migrate' again";
}

// A load refreshes the planner's row counts of its tables: without them the first queries after a load are
// planned on stale counts until autovacuum gets round to it (the per-ZIP nearest-hospital query took 115 s
// instead of 9 s).
const SqlDialect kDialect{
    .name = "postgres",
    .migrations = postgres_migrations(),
    .begin_write = "BEGIN",
    .begin_consistent_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",  // one consistent view of every table
    .analyze_after_load = true,
    .migration_hint = postgis_hint,
};

// A parameter as the text PostgreSQL parses for its inferred type; nullopt is NULL.
std::optional<std::string> parameter_text(const SqlValue& value) {
  return std::visit(
      [](const auto& v) -> std::optional<std::string> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<T, bool>) {
          return std::string(v ? "t" : "f");
        } else if constexpr (std::is_same_v<T, std::string_view>) {
          return std::string(v);
        } else {
          char buffer[32];
          return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
        }
      },
      value.get());
}

// One row of a text-format result.
class PgRow final : public SqlRow {
 public:
  PgRow(const PGresult* result, int row) : result_(result), row_(row) {}
  int columns() const override { return PQnfields(result_); }
  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) == 1; }
  std::int64_t integer(int column) const override { return parse<std::int64_t>(column); }
  double real(int column) const override { return parse<double>(column); }
  bool boolean(int column) const override { return text(column) == "t"; }
  std::string_view text(int column) const override {
    return {PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column))};
  }

 private:
  template <typename T>
  T parse(int column) const {
    const std::string_view cell = text(column);
    T value{};
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size()) {
      throw Error(ErrorCode::internal, "a stored cell is not a number: '" + std::string(cell) + "'");
    }
    return value;
  }
  const PGresult* result_;
  int row_;
};

}  // namespace

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += '$' + std::to_string(++next);
    } else {
      out += c;
    }
  }
  return out;
}

PgConnection::PgConnection(const std::string& uri)
    : SqlConnection(kDialect, "postgresql://"), connection_(connect_with_timeout(uri), &PQfinish) {
  const char* host = PQhost(connection_.get());
  const char* port = PQport(connection_.get());
  const char* database = PQdb(connection_.get());
  where_ = std::string(host && *host ? host : "localhost") + ":" + (port && *port ? port : "5432") + "/" +
           (database ? database : "");
  set_description("postgresql://" + where_);
  if (PQstatus(connection_.get()) != CONNECTION_OK) {
    std::string reason = first_line(PQerrorMessage(connection_.get()));
    if (auto colon = reason.rfind(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    throw Error(ErrorCode::unavailable, "cannot connect to PostgreSQL at " + where_ + ": " + reason);
  }
  execute("SET client_min_messages = warning");
}

void PgConnection::fail(std::string_view doing, const PGresult* result) const {
  const bool lost = PQstatus(connection_.get()) != CONNECTION_OK;
  const char* message = result ? PQresultErrorMessage(result) : nullptr;
  const std::string reason = first_line(message && *message ? message : PQerrorMessage(connection_.get()));
  throw Error(
      lost ? ErrorCode::unavailable : ErrorCode::internal,
      "PostgreSQL at " + where_ + (lost ? " went away while " : " failed while ") + std::string(doing) + ": " + reason);
}

void PgConnection::execute(std::string_view statements) {
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection_.get(), std::string(statements).c_str()),
                                                       &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("running a statement", result.get());
}

void PgConnection::query(std::string_view sql, std::span<const SqlValue> parameters, const RowCallback& on_row) {
  std::vector<std::optional<std::string>> texts;
  texts.reserve(parameters.size());
  for (const auto& parameter : parameters) texts.push_back(parameter_text(parameter));
  std::vector<const char*> values;
  for (const auto& text : texts) values.push_back(text ? text->c_str() : nullptr);
  std::unique_ptr<PGresult, decltype(&PQclear)> result(
      PQexecParams(connection_.get(), numbered_placeholders(sql).c_str(), static_cast<int>(values.size()), nullptr,
                   values.data(), nullptr, nullptr, 0),
      &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail("running a query", result.get());
  const int rows = PQntuples(result.get());
  for (int row = 0; row < rows; ++row) on_row(PgRow(result.get(), row));
}

std::unique_ptr<BulkWriter> PgConnection::bulk_writer() { return std::make_unique<PgCopyWriter>(*this); }

bool PgConnection::try_lock(std::string_view name, std::string_view, std::chrono::seconds) {
  // A session advisory lock: held by this connection until unlock() or until the connection ends, so a
  // holder that dies cannot leave it taken.
  const std::string key = "hci-" + std::string(name);
  return query_text(*this, "SELECT pg_try_advisory_lock(hashtext(?))", {key}) == "t";
}

void PgConnection::unlock(std::string_view name, std::string_view) {
  const std::string key = "hci-" + std::string(name);
  run(*this, "SELECT pg_advisory_unlock(hashtext(?))", {key});
}

}  // namespace hci::store::postgres
