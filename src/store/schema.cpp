// Store: the schema, from the dialect's numbered migrations.

#include <map>

#include "core/error.hpp"
#include "store/sql/transaction.hpp"
#include "store/store.hpp"

namespace hci::store {

Store::Store(std::unique_ptr<SqlConnection> connection, std::unique_ptr<SpatialQueries> spatial)
    : connection_(std::move(connection)), spatial_(std::move(spatial)) {
  connection_->execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
      " applied_at TEXT NOT NULL)");
}

std::vector<MigrationState> Store::migration_status() {
  std::map<int, std::string> applied;
  for_each_row(*connection_, "SELECT version, applied_at FROM schema_migrations", {},
               [&](const SqlRow& row) { applied[static_cast<int>(row.integer(0))] = row.string(1); });
  std::vector<MigrationState> states;
  for (const auto& migration : connection_->dialect().migrations) {
    auto it = applied.find(migration.version);
    states.push_back(MigrationState{migration.version, std::string(migration.name), it != applied.end(),
                                    it != applied.end() ? it->second : ""});
  }
  return states;
}

std::vector<MigrationState> Store::migrate() {
  const SqlDialect& dialect = connection_->dialect();
  const auto states = migration_status();
  std::vector<MigrationState> applied_now;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].applied) continue;
    const Migration& migration = dialect.migrations[i];
    try {
      Transaction transaction(*connection_);
      connection_->execute(migration.sql);
      run(*connection_, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
          {migration.version, migration.name, utc_timestamp_now()});
      transaction.commit();
    } catch (const Error& e) {
      const std::string hint = dialect.migration_hint ? dialect.migration_hint(migration.name, describe()) : "";
      if (hint.empty()) throw;
      throw Error(ErrorCode::unavailable, hint + " (" + e.what() + ")");
    }
    applied_now.push_back(MigrationState{migration.version, std::string(migration.name), true, ""});
  }
  return applied_now;
}

void Store::require_schema() {
  for (const auto& state : migration_status()) {
    if (!state.applied) {
      throw Error(ErrorCode::unavailable, describe() + " is missing migration " + std::to_string(state.version) + " (" +
                                              state.name + "): run 'hci db migrate'");
    }
  }
}

}  // namespace hci::store
