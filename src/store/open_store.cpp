#include "core/error.hpp"
#include "store/sqlite/sqlite_store.hpp"
#ifdef HCI_WITH_POSTGRES
#include "store/postgres/postgres_store.hpp"
#endif
#include "store/store.hpp"

namespace hci {

std::unique_ptr<Store> open_store(std::string_view uri, OpenMode mode) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (uri.rfind(kSqlite, 0) == 0) return std::make_unique<SqliteStore>(std::string(uri.substr(kSqlite.size())), mode);
  if (uri.size() > 3 && uri.substr(uri.size() - 3) == ".db")
    return std::make_unique<SqliteStore>(std::string(uri), mode);
  if (uri.rfind("postgresql://", 0) == 0 || uri.rfind("postgres://", 0) == 0) {
#ifdef HCI_WITH_POSTGRES
    return std::make_unique<PostgresStore>(std::string(uri));
#else
    throw Error(ErrorCode::invalid_input, "this hci was built without PostgreSQL (HCI_WITH_POSTGRES=OFF)");
#endif
  }
  throw Error(ErrorCode::invalid_input,
              "--db '" + std::string(uri) + "' is not a database URI: expected sqlite:PATH or postgresql://...");
}

}  // namespace hci
