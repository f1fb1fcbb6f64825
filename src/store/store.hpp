#pragma once
// The Store: the system of record for dataset versions. Its logic is written once over the SQL seam
// (sql/), split by concern across files: schema.cpp (migrations), dataset_versions.cpp (loads and
// versions), analysis_documents.cpp, model_registry.cpp, pipeline_history.cpp (runs and the lock) and
// api_key_registry.cpp. sqlite/ and postgres/ hold each backend's connection and spatial queries.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_key.hpp"
#include "core/dataset.hpp"
#include "core/dataset_sink.hpp"
#include "core/geography.hpp"
#include "core/model_record.hpp"
#include "core/pipeline_run.hpp"
#include "core/quality.hpp"
#include "store/dataset_load.hpp"
#include "store/open_mode.hpp"
#include "store/spatial_queries.hpp"
#include "store/sql/sql_connection.hpp"

namespace hci::store {

/// A migration as seen in the database: applied (with its time) or pending.
struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;  // ISO 8601 UTC, empty when pending
};

/// A database holding dataset versions, over one connection. One instance is used by one thread at a time.
class Store {
 public:
  /// Uses `connection` for everything and `spatial` for the backend's spatial queries.
  Store(std::unique_ptr<SqlConnection> connection, std::unique_ptr<SpatialQueries> spatial);

  /// Applies pending migrations in order, each in its own transaction; returns those applied now.
  std::vector<MigrationState> migrate();
  /// Every known migration with whether it is applied.
  std::vector<MigrationState> migration_status();

  /// Starts writing a new dataset version (migrations must be applied).
  std::unique_ptr<DatasetLoad> begin_load();
  /// Stored versions, newest first (without the large JSON fields).
  std::vector<DatasetInfo> list_datasets();
  /// The version whose hash starts with `version_prefix` (at least 4 characters), or the current one
  /// when the prefix is empty; nullopt when none. Throws invalid_input when the prefix is ambiguous.
  std::optional<DatasetInfo> find_dataset(std::string_view version_prefix);
  /// Up to `limit` quarantined rows of a version, in source and line order.
  std::vector<QuarantinedRow> quarantined_rows(std::string_view version, std::int64_t limit);
  /// Makes a stored version (full hash) the current one, in one transaction; throws not_found when absent.
  void publish(std::string_view version);
  /// Streams the records of a stored version (full hash) of the `selected` types into `sink`, one record
  /// type after another in DatasetRecords order, each in key order; throws not_found when absent.
  void read_dataset(std::string_view version, DatasetSink& sink,
                    const RecordSelection& selected = RecordSelection::all());
  /// How many records of the `selected` types a stored version (full hash) holds, so a reader can size
  /// what it fills; throws not_found when absent.
  std::int64_t count_records(std::string_view version, const RecordSelection& selected);
  /// For every ZIP centroid of a version, the nearest hospital with emergency services, in ZIP order.
  std::vector<ZipAccess> zip_emergency_access(std::string_view version);

  /// Replaces the analysis documents of a version in one transaction; throws not_found when absent.
  void save_analysis(std::string_view version, const std::vector<AnalysisDocument>& documents);
  /// The analysis documents of a version (empty when `hci analyze` has not run on it), by name.
  std::vector<AnalysisDocument> load_analysis(std::string_view version);

  /// Adds a trained model to the registry (its dataset_version must be stored); throws not_found otherwise.
  void save_model(const ModelRecord& model);
  /// The newest model of each name trained on a version, by name; artifacts included.
  std::vector<ModelRecord> current_models(std::string_view version);

  /// Records the start of a pipeline run; returns its id.
  std::int64_t start_pipeline_run(std::string_view trigger);
  /// Records one finished task attempt of a run.
  void record_task_run(std::int64_t run_id, const PipelineTaskRun& attempt);
  /// Records how a run ended.
  void finish_pipeline_run(std::int64_t run_id, std::string_view status, std::string_view dataset_version,
                           std::string_view error);
  /// The `limit` newest runs with their task attempts, newest first.
  std::vector<PipelineRun> pipeline_runs(int limit);
  /// Takes the pipeline lock for `owner` unless another owner holds it; false when it is held. The lock
  /// lapses after `ttl` (SQLite) or when this store's connection closes (PostgreSQL advisory lock).
  bool try_lock_pipeline(std::string_view owner, std::chrono::seconds ttl);
  /// Releases the pipeline lock if `owner` holds it.
  void unlock_pipeline(std::string_view owner);

  /// Records a new API key; throws conflict when an active key already has that name.
  void add_api_key(const ApiKeyRecord& key);
  /// Every key ever issued, active and revoked, oldest first.
  std::vector<ApiKeyRecord> list_api_keys();
  /// Revokes the active key with that name; false when there is none.
  bool revoke_api_key(std::string_view name);

  /// A short text that changes whenever what a server serves of the current version changes: the version
  /// itself, its analysis, its models. Servers poll it to reload their snapshot without being told.
  std::string change_marker();
  /// A short text that changes whenever the list of stored versions or the pipeline's run history changes
  /// (a version staged or pruned, a run started, a task attempt recorded, a run finished).
  std::string catalog_marker();
  /// A human description of where the store lives, for messages ("sqlite:data/hci.db").
  const std::string& describe() const { return connection_->describe(); }

  /// How many dataset versions are kept; older ones are deleted when a new one commits.
  static constexpr int versions_kept = 3;

 private:
  void require_schema();
  std::int64_t dataset_id_of(std::string_view version);
  std::vector<SourceFile> sources_of(std::int64_t dataset_id);

  std::unique_ptr<SqlConnection> connection_;
  std::unique_ptr<SpatialQueries> spatial_;
};

/// Opens the store named by a --db value: "sqlite:PATH" (or a bare path ending in .db) or a
/// "postgresql://user@host:port/database" URI.
/// An SQLite file is created only when `mode` allows; a PostgreSQL database must always exist.
/// Throws invalid_input for an unknown scheme and unavailable when the database cannot be opened.
std::unique_ptr<Store> open_store(std::string_view uri, OpenMode mode = OpenMode::create_if_missing);

}  // namespace hci::store
