#include "store/sql/sql_connection.hpp"

#include <charconv>
#include <ctime>

#include "core/error.hpp"

namespace hci::store {

namespace {

std::span<const SqlValue> as_span(std::initializer_list<SqlValue> parameters) {
  return {parameters.begin(), parameters.size()};
}

}  // namespace

void run(SqlConnection& connection, std::string_view sql, std::initializer_list<SqlValue> parameters) {
  connection.query(sql, as_span(parameters), [](const SqlRow&) {});
}

void for_each_row(SqlConnection& connection, std::string_view sql, std::initializer_list<SqlValue> parameters,
                  const RowCallback& on_row) {
  connection.query(sql, as_span(parameters), on_row);
}

std::optional<std::int64_t> query_integer(SqlConnection& connection, std::string_view sql,
                                          std::initializer_list<SqlValue> parameters) {
  const auto cell = query_text(connection, sql, parameters);
  if (!cell) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(cell->data(), cell->data() + cell->size(), value);
  if (error != std::errc() || end != cell->data() + cell->size()) {
    throw Error(ErrorCode::internal, "a stored cell is not an integer: '" + *cell + "'");
  }
  return value;
}

std::optional<std::string> query_text(SqlConnection& connection, std::string_view sql,
                                      std::initializer_list<SqlValue> parameters) {
  std::optional<std::string> value;
  connection.query(sql, as_span(parameters), [&](const SqlRow& row) {
    if (!value && !row.is_null(0)) value = row.string(0);
  });
  return value;
}

std::string utc_timestamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace hci::store
