#include "store/sqlite/connection.hpp"

#include <filesystem>

#include "core/error.hpp"

namespace hci::sqlite {

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

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void Statement::bind(int index, std::string_view value) {
  // SQLITE_STATIC: no copy; the caller keeps the bytes alive until the statement is stepped.
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}
void Statement::bind(int index, std::nullptr_t) { sqlite3_bind_null(stmt_, index); }

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

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }
std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}
bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

Connection::Connection(const std::string& path, OpenMode mode) : path_(path) {
  // Memory statistics take a global mutex on every allocation; the store never reads them.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  if (mode == OpenMode::must_exist && !std::filesystem::exists(path)) {
    throw Error(ErrorCode::unavailable, "SQLite database " + path + " does not exist: 'hci ingest' creates it");
  }
  const int create = mode == OpenMode::create_if_missing ? SQLITE_OPEN_CREATE : 0;
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | create | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    throw Error(ErrorCode::unavailable, "cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
        "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;");
  } catch (...) {
    sqlite3_close(db_);  // the destructor does not run when a constructor throws
    throw;
  }
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // sqlite3_errmsg() below gives the same text
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_NOTADB) {
      throw Error(ErrorCode::unavailable, path_ + " is not an SQLite database");
    }
    throw_sqlite_error(db_, rc, "running statements");
  }
}

}  // namespace hci::sqlite
