#include "store/postgres/postgres_store.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/error.hpp"
#include "store/migration.hpp"
#include "store/postgres/postgres_dataset_load.hpp"

namespace hci {

namespace {

constexpr const char* kDatasetColumns =
    "id, version, created_at, source_dir, is_current, hospital_count, quarantined_count, summary, quality_report";
constexpr const char* kNow = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
// The point of a query, as PostGIS geography.
constexpr const char* kPoint = "ST_SetSRID(ST_MakePoint($3, $2), 4326)::geography";
// Extra KNN candidates re-sorted by exact sphere distance, so ties and near-ties order as in SQLite.
constexpr int kKnnSlack = 8;

DatasetInfo dataset_info(const pg::Result& r, int row) {
  DatasetInfo info;
  info.version = r.text(row, 1);
  info.created_at = r.text(row, 2);
  info.source_dir = r.text(row, 3);
  info.is_current = r.text(row, 4) == "t";
  info.hospital_count = std::stoll(r.text(row, 5));
  info.quarantined_count = std::stoll(r.text(row, 6));
  info.summary_json = r.text(row, 7);
  info.quality_report_json = r.text(row, 8);
  return info;
}

std::string number(double value) {
  char buffer[32];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

std::vector<NearbyHospital> nearby(const pg::Result& r) {
  std::vector<NearbyHospital> found;
  for (int row = 0; row < r.rows(); ++row) found.push_back({r.text(row, 0), std::stod(r.text(row, 1))});
  std::sort(found.begin(), found.end(), [](const NearbyHospital& a, const NearbyHospital& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  });
  return found;
}

template <typename Record>
void read_table(pg::Connection& connection, const RecordTable& table, const std::string& dataset_id,
                Record (*from_row)(const TextRow&), DatasetSink& sink) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < table.columns.size(); ++i) sql += (i ? ", " : "") + table.columns[i];
  sql += " FROM " + table.name + " WHERE dataset_id = $1 ORDER BY " + table.order_by;
  const auto result = connection.query(sql, {dataset_id});
  for (int row = 0; row < result.rows(); ++row) sink.add(from_row(result.row(row)));
}

}  // namespace

PostgresStore::PostgresStore(const std::string& uri) : connection_(uri) {
  connection_.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
      " applied_at TEXT NOT NULL)");
}

template <typename Work>
void PostgresStore::in_transaction(Work work) {
  connection_.exec("BEGIN");
  try {
    work();
    connection_.exec("COMMIT");
  } catch (...) {
    try {
      connection_.exec("ROLLBACK");
    } catch (...) {
      // The connection is gone: the server discards the transaction.
    }
    throw;
  }
}

std::vector<MigrationState> PostgresStore::migration_status() {
  std::map<int, std::string> applied;
  const auto result = connection_.query("SELECT version, applied_at FROM schema_migrations");
  for (int row = 0; row < result.rows(); ++row) applied[std::stoi(result.text(row, 0))] = result.text(row, 1);
  std::vector<MigrationState> states;
  for (const auto& migration : postgres_migrations()) {
    auto it = applied.find(migration.version);
    states.push_back(MigrationState{migration.version, std::string(migration.name), it != applied.end(),
                                    it != applied.end() ? it->second : ""});
  }
  return states;
}

std::vector<MigrationState> PostgresStore::migrate() {
  std::vector<MigrationState> applied_now;
  for (const auto& state : migration_status()) {
    if (state.applied) continue;
    const auto& migration = postgres_migrations()[static_cast<std::size_t>(state.version - 1)];
    try {
      in_transaction([&] {
        connection_.exec(migration.sql);
        connection_.query(
            std::string("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, ") + kNow + ")",
            {std::to_string(migration.version), std::string(migration.name)});
      });
    } catch (const Error& e) {
      if (migration.name == "postgis") {
        throw Error(ErrorCode::unavailable,
                    "PostGIS is not available in " + connection_.where() + " (" + e.what() +
                        "): install postgresql-15-postgis-3 on the server and let a superuser run "
                        "'CREATE EXTENSION postgis' in this database, then run 'hci db migrate' again");
      }
      throw;
    }
    applied_now.push_back(MigrationState{migration.version, std::string(migration.name), true, ""});
  }
  return applied_now;
}

void PostgresStore::require_schema() {
  for (const auto& state : migration_status()) {
    if (!state.applied) {
      throw Error(ErrorCode::unavailable, describe() + " is missing migration " + std::to_string(state.version) + " (" +
                                              state.name + "): run 'hci db migrate'");
    }
  }
}

std::unique_ptr<DatasetLoad> PostgresStore::begin_load() {
  require_schema();
  return std::make_unique<PostgresDatasetLoad>(connection_, versions_kept);
}

std::vector<SourceFile> PostgresStore::sources_of(const std::string& dataset_id) {
  std::vector<SourceFile> sources;
  const auto r = connection_.query(
      "SELECT name, path, sha256, bytes, row_count FROM dataset_sources WHERE dataset_id = $1 ORDER BY position",
      {dataset_id});
  for (int row = 0; row < r.rows(); ++row) {
    sources.push_back(SourceFile{r.text(row, 0), r.text(row, 1), r.text(row, 2), std::stoll(r.text(row, 3)),
                                 std::stoll(r.text(row, 4))});
  }
  return sources;
}

std::vector<DatasetInfo> PostgresStore::list_datasets() {
  require_schema();
  std::vector<DatasetInfo> datasets;
  const auto r = connection_.query(std::string("SELECT ") + kDatasetColumns + " FROM datasets ORDER BY id DESC");
  for (int row = 0; row < r.rows(); ++row) {
    DatasetInfo info = dataset_info(r, row);
    info.quality_report_json.clear();
    info.sources = sources_of(r.text(row, 0));
    datasets.push_back(std::move(info));
  }
  return datasets;
}

std::optional<DatasetInfo> PostgresStore::find_dataset(std::string_view version_prefix) {
  require_schema();
  if (!version_prefix.empty() && version_prefix.size() < 4) {
    throw Error(ErrorCode::invalid_input,
                "version prefix '" + std::string(version_prefix) + "' is too short: give at least 4 characters");
  }
  const auto r = version_prefix.empty()
                     ? connection_.query(std::string("SELECT ") + kDatasetColumns + " FROM datasets WHERE is_current")
                     : connection_.query(std::string("SELECT ") + kDatasetColumns +
                                             " FROM datasets WHERE starts_with(version, $1) LIMIT 2",
                                         {std::string(version_prefix)});
  if (r.rows() == 0) return std::nullopt;
  if (r.rows() > 1) {
    throw Error(ErrorCode::invalid_input,
                "version prefix '" + std::string(version_prefix) + "' matches several versions");
  }
  DatasetInfo info = dataset_info(r, 0);
  info.sources = sources_of(r.text(0, 0));
  return info;
}

std::string PostgresStore::dataset_id_of(std::string_view version) {
  require_schema();
  const auto r = connection_.query("SELECT id FROM datasets WHERE version = $1", {std::string(version)});
  if (r.rows() == 0) throw Error(ErrorCode::not_found, "dataset version " + std::string(version) + " is not stored");
  return r.text(0, 0);
}

std::vector<QuarantinedRow> PostgresStore::quarantined_rows(std::string_view version, std::int64_t limit) {
  const auto r = connection_.query(
      "SELECT source, line, reason, raw_row FROM quarantined_rows WHERE dataset_id = $1 ORDER BY source, line"
      " LIMIT $2",
      {dataset_id_of(version), std::to_string(limit)});
  std::vector<QuarantinedRow> rows;
  for (int row = 0; row < r.rows(); ++row) {
    rows.push_back(QuarantinedRow{r.text(row, 0), std::stoll(r.text(row, 1)), r.text(row, 2), r.text(row, 3)});
  }
  return rows;
}

void PostgresStore::read_dataset(std::string_view version, DatasetSink& sink) {
  const std::string id = dataset_id_of(version);
  connection_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");  // a concurrent prune cannot cut it in half
  try {
    read_table(connection_, hospitals_table(), id, hospital_from_row, sink);
    read_table(connection_, zip_centroids_table(), id, zip_centroid_from_row, sink);
    read_table(connection_, counties_table(), id, county_from_row, sink);
    read_table(connection_, state_indicators_table(), id, state_indicator_from_row, sink);
    read_table(connection_, state_unemployment_table(), id, state_unemployment_from_row, sink);
    read_table(connection_, area_measures_table(), id, area_measure_from_row, sink);
    read_table(connection_, measure_definitions_table(), id, measure_definition_from_row, sink);
  } catch (...) {
    try {
      connection_.exec("ROLLBACK");
    } catch (...) {
      // The connection is gone.
    }
    throw;
  }
  connection_.exec("COMMIT");
}

void PostgresStore::publish(std::string_view version) {
  const std::string id = dataset_id_of(version);
  in_transaction([&] {
    connection_.query("UPDATE datasets SET is_current = false WHERE is_current");
    connection_.query("UPDATE datasets SET is_current = true WHERE id = $1", {id});
  });
}

std::vector<NearbyHospital> PostgresStore::nearest_hospitals(std::string_view version, GeoPoint point, int k,
                                                             bool emergency_only) {
  if (k <= 0) return {};
  const auto r =
      connection_.query(std::string("SELECT id, ST_Distance(geom, ") + kPoint +
                            ", false) FROM hospitals"
                            " WHERE dataset_id = $1 AND geom IS NOT NULL AND ($4 = false OR emergency_services)"
                            " ORDER BY geom <-> " +
                            kPoint + " LIMIT $5",
                        {dataset_id_of(version), number(point.latitude), number(point.longitude),
                         emergency_only ? "true" : "false", std::to_string(k + kKnnSlack)});
  auto found = nearby(r);
  found.resize(std::min(found.size(), static_cast<std::size_t>(k)));
  return found;
}

std::vector<NearbyHospital> PostgresStore::hospitals_within(std::string_view version, GeoPoint point, double radius_m,
                                                            bool emergency_only) {
  const auto r =
      connection_.query(std::string("SELECT id, ST_Distance(geom, ") + kPoint +
                            ", false) AS d FROM hospitals"
                            " WHERE dataset_id = $1 AND ($4 = false OR emergency_services) AND ST_DWithin(geom, " +
                            kPoint + ", $5, false)",
                        {dataset_id_of(version), number(point.latitude), number(point.longitude),
                         emergency_only ? "true" : "false", number(radius_m)});
  auto found = nearby(r);
  // ST_DWithin may keep a point a rounding error beyond the radius; the contract is "within".
  found.erase(
      std::remove_if(found.begin(), found.end(), [&](const NearbyHospital& h) { return h.distance_m > radius_m; }),
      found.end());
  return found;
}

std::vector<ZipAccess> PostgresStore::zip_emergency_access(std::string_view version) {
  const std::string id = dataset_id_of(version);
  std::optional<pg::Result> result;
  in_transaction([&] {
    // One KNN probe per ZIP: on a few thousand hospitals the planner would rather scan and sort them all
    // for every ZIP (seconds become minutes); the GIST index answers each probe directly.
    connection_.exec("SET LOCAL enable_seqscan = off; SET LOCAL jit = off");
    result.emplace(
        connection_.query("SELECT z.zip, z.city, z.state_code, z.latitude, z.longitude, n.id, n.d FROM zip_centroids z"
                          " LEFT JOIN LATERAL (SELECT c.id, c.d FROM (SELECT h.id, ST_Distance(h.geom, z.geom, false) "
                          "AS d FROM hospitals h"
                          "   WHERE h.dataset_id = $1 AND h.emergency_services AND h.geom IS NOT NULL"
                          "   ORDER BY h.geom <-> z.geom LIMIT " +
                              std::to_string(kKnnSlack) +
                              ") c ORDER BY c.d, c.id LIMIT 1) n ON true"
                              " WHERE z.dataset_id = $1 ORDER BY z.zip",
                          {id}));
  });
  const pg::Result& r = *result;
  std::vector<ZipAccess> access;
  for (int row = 0; row < r.rows(); ++row) {
    access.push_back(ZipAccess{
        r.text(row, 0), r.text(row, 1), r.text(row, 2), GeoPoint{std::stod(r.text(row, 3)), std::stod(r.text(row, 4))},
        r.is_null(row, 5) ? "" : r.text(row, 5), r.is_null(row, 6) ? 0.0 : std::stod(r.text(row, 6)),
        r.is_null(row, 7) ? std::nullopt : std::optional<std::string>(r.text(row, 7))});
  }
  return access;
}

void PostgresStore::save_analysis(std::string_view version, const std::vector<AnalysisDocument>& documents) {
  const std::string id = dataset_id_of(version);
  in_transaction([&] {
    connection_.query("DELETE FROM analysis_results WHERE dataset_id = $1", {id});
    for (const auto& document : documents) {
      connection_.query(
          std::string("INSERT INTO analysis_results (dataset_id, name, body, computed_at) VALUES ($1, $2, $3, ") +
              kNow + ")",
          {id, document.name, document.json});
    }
  });
}

std::vector<AnalysisDocument> PostgresStore::load_analysis(std::string_view version) {
  const auto r = connection_.query("SELECT name, body FROM analysis_results WHERE dataset_id = $1 ORDER BY name",
                                   {dataset_id_of(version)});
  std::vector<AnalysisDocument> documents;
  for (int row = 0; row < r.rows(); ++row) documents.push_back(AnalysisDocument{r.text(row, 0), r.text(row, 1)});
  return documents;
}

void PostgresStore::save_model(const ModelRecord& m) {
  connection_.query(
      "INSERT INTO models (name, version, dataset_id, trained_at, algorithm, features, parameters, metrics, details,"
      " artifact) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {m.name, m.version, dataset_id_of(m.dataset_version), m.trained_at, m.algorithm, m.features_json,
       m.parameters_json, m.metrics_json, m.details_json, m.artifact});
}

std::vector<ModelRecord> PostgresStore::current_models(std::string_view version) {
  const auto r = connection_.query(
      "SELECT name, version, trained_at, algorithm, features, parameters, metrics, details, artifact FROM models"
      " WHERE id IN (SELECT max(id) FROM models WHERE dataset_id = $1 GROUP BY name) ORDER BY name",
      {dataset_id_of(version)});
  std::vector<ModelRecord> models;
  for (int row = 0; row < r.rows(); ++row) {
    models.push_back(ModelRecord{r.text(row, 0), r.text(row, 1), std::string(version), r.text(row, 2), r.text(row, 3),
                                 r.text(row, 4), r.text(row, 5), r.text(row, 6), r.text(row, 7), r.text(row, 8)});
  }
  return models;
}

std::int64_t PostgresStore::start_pipeline_run(std::string_view trigger) {
  require_schema();
  return std::stoll(connection_
                        .query(std::string("INSERT INTO pipeline_runs (trigger, status, started_at) VALUES ($1, "
                                           "'running', ") +
                                   kNow + ") RETURNING id",
                               {std::string(trigger)})
                        .text(0, 0));
}

void PostgresStore::record_task_run(std::int64_t run_id, const PipelineTaskRun& t) {
  connection_.query(
      "INSERT INTO pipeline_task_runs (run_id, task, attempt, status, started_at, finished_at, duration_seconds,"
      " error, dataset_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {std::to_string(run_id), t.task, std::to_string(t.attempt), t.status, t.started_at, t.finished_at,
       number(t.duration_seconds), t.error, t.dataset_version});
}

void PostgresStore::finish_pipeline_run(std::int64_t run_id, std::string_view status, std::string_view dataset_version,
                                        std::string_view error) {
  connection_.query(
      std::string("UPDATE pipeline_runs SET status = $1, dataset_version = $2, error = $3, finished_at = ") + kNow +
          " WHERE id = $4",
      {std::string(status), std::string(dataset_version), std::string(error), std::to_string(run_id)});
}

std::vector<PipelineRun> PostgresStore::pipeline_runs(int limit) {
  require_schema();
  std::vector<PipelineRun> runs;
  const auto r = connection_.query(
      "SELECT id, trigger, status, started_at, coalesce(finished_at, ''), coalesce(dataset_version, ''),"
      " coalesce(error, '') FROM pipeline_runs ORDER BY id DESC LIMIT $1",
      {std::to_string(limit)});
  for (int row = 0; row < r.rows(); ++row) {
    runs.push_back(PipelineRun{std::stoll(r.text(row, 0)),
                               r.text(row, 1),
                               r.text(row, 2),
                               r.text(row, 3),
                               r.text(row, 4),
                               r.text(row, 5),
                               r.text(row, 6),
                               {}});
  }
  for (auto& run : runs) {
    const auto t = connection_.query(
        "SELECT task, attempt, status, started_at, finished_at, duration_seconds, error, dataset_version"
        " FROM pipeline_task_runs WHERE run_id = $1 ORDER BY id",
        {std::to_string(run.id)});
    for (int row = 0; row < t.rows(); ++row) {
      run.tasks.push_back(PipelineTaskRun{t.text(row, 0), std::stoi(t.text(row, 1)), t.text(row, 2), t.text(row, 3),
                                          t.text(row, 4), std::stod(t.text(row, 5)), t.text(row, 6), t.text(row, 7)});
    }
  }
  return runs;
}

bool PostgresStore::try_lock_pipeline(std::string_view, std::chrono::seconds) {
  // A session advisory lock: held by this connection until unlock_pipeline or until the connection ends,
  // so a runner that dies cannot leave it taken.
  return connection_.query("SELECT pg_try_advisory_lock(hashtext('hci-pipeline'))").text(0, 0) == "t";
}

void PostgresStore::unlock_pipeline(std::string_view) {
  connection_.query("SELECT pg_advisory_unlock(hashtext('hci-pipeline'))");
}

std::string PostgresStore::change_marker() {
  require_schema();
  return connection_
      .query(
          "SELECT coalesce((SELECT version || ':' || (SELECT count(*)::text FROM analysis_results a WHERE a.dataset_id "
          "= d.id)"
          " || ':' || coalesce((SELECT max(m.id)::text FROM models m WHERE m.dataset_id = d.id), '0')"
          " FROM datasets d WHERE d.is_current), '') || ':' ||"
          " coalesce((SELECT id::text || status FROM pipeline_runs ORDER BY id DESC LIMIT 1), '')")
      .text(0, 0);
}

void PostgresStore::add_api_key(const ApiKeyRecord& key) {
  require_schema();
  if (connection_.query("SELECT 1 FROM api_keys WHERE name = $1 AND revoked_at IS NULL", {key.name}).rows() > 0) {
    throw Error(ErrorCode::conflict, "an active API key named '" + key.name + "' already exists");
  }
  connection_.query(
      std::string("INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at) VALUES ($1, $2, $3, $4, ") + kNow +
          ")",
      {key.name, key.prefix, key.key_hash, key.scopes});
}

std::vector<ApiKeyRecord> PostgresStore::list_api_keys() {
  require_schema();
  const auto r = connection_.query(
      "SELECT name, prefix, key_hash, scopes, created_at, coalesce(revoked_at, '') FROM api_keys ORDER BY id");
  std::vector<ApiKeyRecord> keys;
  for (int row = 0; row < r.rows(); ++row) {
    keys.push_back(
        ApiKeyRecord{r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), r.text(row, 4), r.text(row, 5)});
  }
  return keys;
}

bool PostgresStore::revoke_api_key(std::string_view name) {
  require_schema();
  return connection_
             .query(std::string("UPDATE api_keys SET revoked_at = ") + kNow +
                        " WHERE name = $1 AND revoked_at IS NULL RETURNING 1",
                    {std::string(name)})
             .rows() > 0;
}

}  // namespace hci
