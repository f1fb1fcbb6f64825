#include "store/sqlite/sqlite_store.hpp"

#include <map>

#include "core/error.hpp"
#include "store/migration.hpp"
#include "store/sqlite/sqlite_dataset_load.hpp"
#include "store/sqlite/sqlite_dataset_reader.hpp"
#include "store/sqlite/sqlite_spatial.hpp"

namespace hci {

namespace {

constexpr std::string_view kDatasetColumns =
    "id, version, created_at, source_dir, is_current, hospital_count, quarantined_count, summary, quality_report";

DatasetInfo read_dataset_info(const sqlite::Statement& row) {
  DatasetInfo info;
  info.version = row.column_text(1);
  info.created_at = row.column_text(2);
  info.source_dir = row.column_text(3);
  info.is_current = row.column_int(4) == 1;
  info.hospital_count = row.column_int(5);
  info.quarantined_count = row.column_int(6);
  info.summary_json = row.column_text(7);
  info.quality_report_json = row.column_text(8);
  return info;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path, OpenMode mode) : connection_(path, mode) {
  connection_.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
      " applied_at TEXT NOT NULL)");
}

std::vector<MigrationState> SqliteStore::migration_status() {
  std::map<int, std::string> applied;
  auto query = connection_.prepare("SELECT version, applied_at FROM schema_migrations");
  while (query.step()) applied[static_cast<int>(query.column_int(0))] = query.column_text(1);
  std::vector<MigrationState> states;
  for (const auto& migration : sqlite_migrations()) {
    auto it = applied.find(migration.version);
    states.push_back(MigrationState{migration.version, std::string(migration.name), it != applied.end(),
                                    it != applied.end() ? it->second : ""});
  }
  return states;
}

std::vector<MigrationState> SqliteStore::migrate() {
  std::vector<MigrationState> applied_now;
  for (const auto& state : migration_status()) {
    if (state.applied) continue;
    const auto& migration = sqlite_migrations()[static_cast<size_t>(state.version - 1)];
    connection_.exec("BEGIN IMMEDIATE");
    try {
      connection_.exec(migration.sql);
      auto record = connection_.prepare(
          "INSERT INTO schema_migrations (version, name, applied_at)"
          " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      record.bind(1, migration.version);
      record.bind(2, migration.name);
      record.run();
      connection_.exec("COMMIT");
    } catch (...) {
      connection_.exec("ROLLBACK");
      throw;
    }
    applied_now.push_back(MigrationState{migration.version, std::string(migration.name), true, ""});
  }
  return applied_now;
}

void SqliteStore::require_schema() {
  for (const auto& state : migration_status()) {
    if (!state.applied) {
      throw Error(ErrorCode::unavailable, describe() + " is missing migration " + std::to_string(state.version) + " (" +
                                              state.name + "): run 'hci db migrate'");
    }
  }
}

std::unique_ptr<DatasetLoad> SqliteStore::begin_load() {
  require_schema();
  return std::make_unique<SqliteDatasetLoad>(connection_, versions_kept);
}

std::vector<DatasetInfo> SqliteStore::list_datasets() {
  require_schema();
  std::vector<DatasetInfo> datasets;
  auto query = connection_.prepare("SELECT " + std::string(kDatasetColumns) + " FROM datasets ORDER BY id DESC");
  while (query.step()) {
    DatasetInfo info = read_dataset_info(query);
    info.quality_report_json.clear();
    info.sources = sources_of(query.column_int(0));
    datasets.push_back(std::move(info));
  }
  return datasets;
}

std::optional<DatasetInfo> SqliteStore::find_dataset(std::string_view version_prefix) {
  require_schema();
  if (!version_prefix.empty() && version_prefix.size() < 4) {
    throw Error(ErrorCode::invalid_input,
                "version prefix '" + std::string(version_prefix) + "' is too short: give at least 4 characters");
  }
  const std::string where = version_prefix.empty() ? "is_current = 1" : "version LIKE ? || '%'";
  auto query =
      connection_.prepare("SELECT " + std::string(kDatasetColumns) + " FROM datasets WHERE " + where + " LIMIT 2");
  if (!version_prefix.empty()) query.bind(1, version_prefix);
  if (!query.step()) return std::nullopt;
  DatasetInfo info = read_dataset_info(query);
  std::int64_t id = query.column_int(0);
  if (query.step()) {
    throw Error(ErrorCode::invalid_input,
                "version prefix '" + std::string(version_prefix) + "' matches several versions");
  }
  info.sources = sources_of(id);
  return info;
}

std::vector<SourceFile> SqliteStore::sources_of(std::int64_t dataset_id) {
  std::vector<SourceFile> sources;
  auto query = connection_.prepare(
      "SELECT name, path, sha256, bytes, row_count FROM dataset_sources WHERE dataset_id = ? ORDER BY rowid");
  query.bind(1, dataset_id);
  while (query.step()) {
    sources.push_back(SourceFile{query.column_text(0), query.column_text(1), query.column_text(2), query.column_int(3),
                                 query.column_int(4)});
  }
  return sources;
}

std::vector<QuarantinedRow> SqliteStore::quarantined_rows(std::string_view version, std::int64_t limit) {
  require_schema();
  std::vector<QuarantinedRow> rows;
  auto query = connection_.prepare(
      "SELECT q.source, q.line, q.reason, q.raw_row FROM quarantined_rows q JOIN datasets d ON d.id = q.dataset_id"
      " WHERE d.version = ? ORDER BY q.source, q.line LIMIT ?");
  query.bind(1, version);
  query.bind(2, limit);
  while (query.step()) {
    rows.push_back(
        QuarantinedRow{query.column_text(0), query.column_int(1), query.column_text(2), query.column_text(3)});
  }
  return rows;
}

std::int64_t SqliteStore::dataset_id_of(std::string_view version) {
  require_schema();
  auto query = connection_.prepare("SELECT id FROM datasets WHERE version = ?");
  query.bind(1, version);
  if (!query.step()) throw Error(ErrorCode::not_found, "dataset version " + std::string(version) + " is not stored");
  return query.column_int(0);
}

void SqliteStore::read_dataset(std::string_view version, DatasetSink& sink) {
  const std::int64_t dataset_id = dataset_id_of(version);
  connection_.exec("BEGIN");  // one read transaction: a concurrent prune cannot cut the version in half
  try {
    read_sqlite_dataset(connection_, dataset_id, sink);
  } catch (...) {
    connection_.exec("ROLLBACK");
    throw;
  }
  connection_.exec("COMMIT");
}

void SqliteStore::publish(std::string_view version) {
  const std::int64_t dataset_id = dataset_id_of(version);
  connection_.exec("BEGIN IMMEDIATE");
  try {
    connection_.exec("UPDATE datasets SET is_current = 0 WHERE is_current = 1");
    connection_.prepare("UPDATE datasets SET is_current = 1 WHERE id = ?").run_with(dataset_id);
    connection_.exec("COMMIT");
  } catch (...) {
    connection_.exec("ROLLBACK");
    throw;
  }
}

std::vector<NearbyHospital> SqliteStore::nearest_hospitals(std::string_view version, GeoPoint point, int k,
                                                           bool emergency_only) {
  return SqliteSpatial(connection_, dataset_id_of(version)).nearest(point, k, emergency_only);
}

std::vector<NearbyHospital> SqliteStore::hospitals_within(std::string_view version, GeoPoint point, double radius_m,
                                                          bool emergency_only) {
  return SqliteSpatial(connection_, dataset_id_of(version)).within(point, radius_m, emergency_only);
}

std::vector<ZipAccess> SqliteStore::zip_emergency_access(std::string_view version) {
  return sqlite_zip_emergency_access(connection_, dataset_id_of(version));
}

void SqliteStore::save_analysis(std::string_view version, const std::vector<AnalysisDocument>& documents) {
  const std::int64_t dataset_id = dataset_id_of(version);
  connection_.exec("BEGIN IMMEDIATE");
  try {
    connection_.prepare("DELETE FROM analysis_results WHERE dataset_id = ?").run_with(dataset_id);
    auto insert = connection_.prepare(
        "INSERT INTO analysis_results (dataset_id, name, body, computed_at)"
        " VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    for (const auto& document : documents) insert.run_with(dataset_id, document.name, document.json);
    connection_.exec("COMMIT");
  } catch (...) {
    connection_.exec("ROLLBACK");
    throw;
  }
}

std::vector<AnalysisDocument> SqliteStore::load_analysis(std::string_view version) {
  auto query = connection_.prepare("SELECT name, body FROM analysis_results WHERE dataset_id = ? ORDER BY name");
  query.bind(1, dataset_id_of(version));
  std::vector<AnalysisDocument> documents;
  while (query.step()) documents.push_back(AnalysisDocument{query.column_text(0), query.column_text(1)});
  return documents;
}

void SqliteStore::save_model(const ModelRecord& m) {
  const std::int64_t dataset_id = dataset_id_of(m.dataset_version);
  connection_
      .prepare(
          "INSERT INTO models (name, version, dataset_id, trained_at, algorithm, features, parameters, metrics,"
          " details, artifact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run_with(m.name, m.version, dataset_id, m.trained_at, m.algorithm, m.features_json, m.parameters_json,
                m.metrics_json, m.details_json, m.artifact);
}

std::vector<ModelRecord> SqliteStore::current_models(std::string_view version) {
  auto query = connection_.prepare(
      "SELECT name, version, trained_at, algorithm, features, parameters, metrics, details, artifact FROM models"
      " WHERE id IN (SELECT max(id) FROM models WHERE dataset_id = ? GROUP BY name) ORDER BY name");
  query.bind(1, dataset_id_of(version));
  std::vector<ModelRecord> models;
  while (query.step()) {
    models.push_back(ModelRecord{query.column_text(0), query.column_text(1), std::string(version), query.column_text(2),
                                 query.column_text(3), query.column_text(4), query.column_text(5), query.column_text(6),
                                 query.column_text(7), query.column_text(8)});
  }
  return models;
}

std::int64_t SqliteStore::start_pipeline_run(std::string_view trigger) {
  require_schema();
  connection_
      .prepare(
          "INSERT INTO pipeline_runs (trigger, status, started_at) VALUES (?, 'running',"
          " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
      .run_with(trigger);
  return sqlite3_last_insert_rowid(connection_.handle());
}

void SqliteStore::record_task_run(std::int64_t run_id, const PipelineTaskRun& t) {
  connection_
      .prepare(
          "INSERT INTO pipeline_task_runs (run_id, task, attempt, status, started_at, finished_at, duration_seconds,"
          " error, dataset_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run_with(run_id, t.task, t.attempt, t.status, t.started_at, t.finished_at, t.duration_seconds, t.error,
                t.dataset_version);
}

void SqliteStore::finish_pipeline_run(std::int64_t run_id, std::string_view status, std::string_view dataset_version,
                                      std::string_view error) {
  connection_
      .prepare(
          "UPDATE pipeline_runs SET status = ?, dataset_version = ?, error = ?,"
          " finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
      .run_with(status, dataset_version, error, run_id);
}

std::vector<PipelineRun> SqliteStore::pipeline_runs(int limit) {
  require_schema();
  std::vector<PipelineRun> runs;
  auto query = connection_.prepare(
      "SELECT id, trigger, status, started_at, coalesce(finished_at, ''), coalesce(dataset_version, ''),"
      " coalesce(error, '') FROM pipeline_runs ORDER BY id DESC LIMIT ?");
  query.bind(1, limit);
  while (query.step()) {
    runs.push_back(PipelineRun{query.column_int(0),
                               query.column_text(1),
                               query.column_text(2),
                               query.column_text(3),
                               query.column_text(4),
                               query.column_text(5),
                               query.column_text(6),
                               {}});
  }
  auto tasks = connection_.prepare(
      "SELECT task, attempt, status, started_at, finished_at, duration_seconds, error, dataset_version"
      " FROM pipeline_task_runs WHERE run_id = ? ORDER BY id");
  for (auto& run : runs) {
    tasks.reset();
    tasks.bind(1, run.id);
    while (tasks.step()) {
      run.tasks.push_back(PipelineTaskRun{tasks.column_text(0), static_cast<int>(tasks.column_int(1)),
                                          tasks.column_text(2), tasks.column_text(3), tasks.column_text(4),
                                          tasks.column_double(5), tasks.column_text(6), tasks.column_text(7)});
    }
  }
  return runs;
}

bool SqliteStore::try_lock_pipeline(std::string_view owner, std::chrono::seconds ttl) {
  require_schema();
  connection_.exec("BEGIN IMMEDIATE");
  try {
    connection_.exec("DELETE FROM pipeline_lock WHERE expires_at < unixepoch()");
    auto held = connection_.prepare("SELECT owner FROM pipeline_lock WHERE name = 'pipeline'");
    const bool taken = held.step() && held.column_text(0) != owner;
    if (!taken) {
      connection_
          .prepare(
              "INSERT OR REPLACE INTO pipeline_lock (name, owner, expires_at) VALUES ('pipeline', ?, unixepoch() + ?)")
          .run_with(owner, static_cast<std::int64_t>(ttl.count()));
    }
    connection_.exec("COMMIT");
    return !taken;
  } catch (...) {
    connection_.exec("ROLLBACK");
    throw;
  }
}

void SqliteStore::unlock_pipeline(std::string_view owner) {
  connection_.prepare("DELETE FROM pipeline_lock WHERE name = 'pipeline' AND owner = ?").run_with(owner);
}

std::string SqliteStore::change_marker() {
  require_schema();
  auto query = connection_.prepare(
      "SELECT coalesce((SELECT version || ':' || (SELECT count(*) FROM analysis_results a WHERE a.dataset_id = d.id)"
      " || ':' || coalesce((SELECT max(m.id) FROM models m WHERE m.dataset_id = d.id), 0)"
      " FROM datasets d WHERE d.is_current), '') || ':' ||"
      " coalesce((SELECT id || status FROM pipeline_runs ORDER BY id DESC LIMIT 1), '')");
  return query.step() ? query.column_text(0) : "";
}

void SqliteStore::add_api_key(const ApiKeyRecord& key) {
  require_schema();
  auto active = connection_.prepare("SELECT 1 FROM api_keys WHERE name = ? AND revoked_at IS NULL");
  active.bind(1, key.name);
  if (active.step()) throw Error(ErrorCode::conflict, "an active API key named '" + key.name + "' already exists");
  connection_
      .prepare(
          "INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at)"
          " VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
      .run_with(key.name, key.prefix, key.key_hash, key.scopes);
}

std::vector<ApiKeyRecord> SqliteStore::list_api_keys() {
  require_schema();
  std::vector<ApiKeyRecord> keys;
  auto query = connection_.prepare(
      "SELECT name, prefix, key_hash, scopes, created_at, coalesce(revoked_at, '') FROM api_keys ORDER BY id");
  while (query.step()) {
    keys.push_back(ApiKeyRecord{query.column_text(0), query.column_text(1), query.column_text(2), query.column_text(3),
                                query.column_text(4), query.column_text(5)});
  }
  return keys;
}

bool SqliteStore::revoke_api_key(std::string_view name) {
  require_schema();
  connection_
      .prepare(
          "UPDATE api_keys SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
          " WHERE name = ? AND revoked_at IS NULL")
      .run_with(name);
  return sqlite3_changes(connection_.handle()) > 0;
}

}  // namespace hci
