#include "store/sqlite/sqlite_statement.hpp"

#include <string>
#include <variant>

#include "core/error.hpp"

namespace hci::store::sqlite {

void throw_sqlite_error(sqlite3* db, int code, std::string_view doing) {
  const int primary = code & 0xff;
  const ErrorCode kind = (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_CANTOPEN ||
                          primary == SQLITE_FULL || primary == SQLITE_IOERR)
                             ? ErrorCode::unavailable
                             : ErrorCode::internal;
  const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
  std::string text = "SQLite";
  if (file != nullptr && *file != '\0') text += " database " + std::string(file);
  text += ": " + std::string(doing);
  if (db != nullptr) text += std::string(": ") + sqlite3_errmsg(db);
  if (primary == SQLITE_FULL) text += " (free space on the disk holding it, then run the command again)";
  throw Error(kind, text);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "preparing a statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, const SqlValue& value) {
  std::visit(
      [&](const auto& v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, bool>) {
          bind(index, static_cast<std::int64_t>(v ? 1 : 0));
        } else {
          bind(index, v);
        }
      },
      value.get());
}

void Statement::bind(int index, std::nullptr_t) { sqlite3_bind_null(stmt_, index); }
void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void Statement::bind(int index, std::string_view text) {
  // SQLITE_STATIC: no copy; the caller keeps the bytes alive until the statement is stepped.
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  throw_sqlite_error(db_, rc, "running a statement");
}

void Statement::run() {
  step();
  reset();
}

void Statement::reset() { sqlite3_reset(stmt_); }

int Statement::columns() const { return sqlite3_column_count(stmt_); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::boolean(int column) const { return sqlite3_column_int64(stmt_, column) != 0; }
std::string_view Statement::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (bytes == nullptr) return {};
  return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

}  // namespace hci::store::sqlite
