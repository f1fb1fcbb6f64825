#include "core/error.hpp"
#include "store/grid_spatial_queries.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"
#ifdef HCI_WITH_POSTGRES
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/postgis_spatial_queries.hpp"
#endif

namespace hci::store {

namespace {

std::unique_ptr<Store> open_sqlite(const std::string& path, OpenMode mode) {
  return std::make_unique<Store>(std::make_unique<sqlite::SqliteConnection>(path, mode),
                                 std::make_unique<GridSpatialQueries>());
}

}  // namespace

std::unique_ptr<Store> open_store(std::string_view uri, OpenMode mode) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (uri.starts_with(kSqlite)) return open_sqlite(std::string(uri.substr(kSqlite.size())), mode);
  if (uri.size() > 3 && uri.ends_with(".db")) return open_sqlite(std::string(uri), mode);
  if (uri.starts_with("postgresql://") || uri.starts_with("postgres://")) {
#ifdef HCI_WITH_POSTGRES
    return std::make_unique<Store>(std::make_unique<postgres::PgConnection>(std::string(uri)),
                                   std::make_unique<postgres::PostgisSpatialQueries>());
#else
    throw Error(ErrorCode::invalid_input, "this hci was built without PostgreSQL (HCI_WITH_POSTGRES=OFF)");
#endif
  }
  throw Error(ErrorCode::invalid_input,
              "--db '" + std::string(uri) + "' is not a database URI: expected sqlite:PATH or postgresql://...");
}

}  // namespace hci::store
