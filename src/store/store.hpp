#pragma once
// The Store: the system of record for dataset versions, behind one interface for every backend.

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
#include "core/model_record.hpp"
#include "core/pipeline_run.hpp"
#include "core/quality.hpp"
#include "store/open_mode.hpp"

namespace hci {

/// A migration as seen in the database: applied (with its time) or pending.
struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;  // ISO 8601 UTC, empty when pending
};

/// Everything a load records about its version besides the data rows.
struct DatasetManifest {
  std::string version;
  std::string source_dir;
  std::vector<SourceFile> sources;
  std::int64_t hospital_count = 0;
  std::string summary_json;
  std::string quality_report_json;
  std::vector<QualityFinding> findings;
  std::vector<QuarantinedRow> quarantined;
  bool make_current = true;  // false stages the version: stored complete, served only after Store::publish()
};

/// How a commit ended: a new version became current, or identical content was already stored
/// (that version is then made current and the new rows are discarded).
enum class CommitOutcome { new_version, already_present };

/// A dataset version being written. Records are invisible to readers until commit(), which makes the
/// version current in one transaction. Destroying a load that was not committed rolls everything
/// back, so a failure at any point leaves the previous version current and complete.
class DatasetLoad : public DatasetSink {
 public:
  /// Makes this version current; throws hci::Error when the database refuses.
  virtual CommitOutcome commit(const DatasetManifest& manifest) = 0;
};

/// A database holding dataset versions. One instance is used by one thread at a time.
class Store {
 public:
  virtual ~Store() = default;
  /// Applies pending migrations in order, each in its own transaction; returns those applied now.
  virtual std::vector<MigrationState> migrate() = 0;
  /// Every known migration with whether it is applied.
  virtual std::vector<MigrationState> migration_status() = 0;
  /// Starts writing a new dataset version (migrations must be applied).
  virtual std::unique_ptr<DatasetLoad> begin_load() = 0;
  /// Stored versions, newest first (without the large JSON fields).
  virtual std::vector<DatasetInfo> list_datasets() = 0;
  /// The version whose hash starts with `version_prefix` (at least 4 characters), or the current one
  /// when the prefix is empty; nullopt when none. Throws invalid_input when the prefix is ambiguous.
  virtual std::optional<DatasetInfo> find_dataset(std::string_view version_prefix) = 0;
  /// Up to `limit` quarantined rows of a version, in source and line order.
  virtual std::vector<QuarantinedRow> quarantined_rows(std::string_view version, std::int64_t limit) = 0;
  /// Makes a stored version (full hash) the current one, in one transaction; throws not_found when absent.
  virtual void publish(std::string_view version) = 0;
  /// Streams every record of a stored version (full hash) into `sink`; throws not_found when absent.
  virtual void read_dataset(std::string_view version, DatasetSink& sink) = 0;
  /// The k hospitals of a version nearest to a point (only those with emergency services when asked),
  /// nearest first, equal distances by id.
  virtual std::vector<NearbyHospital> nearest_hospitals(std::string_view version, GeoPoint point, int k,
                                                        bool emergency_only) = 0;
  /// The hospitals of a version within `radius_m` of a point, nearest first, equal distances by id.
  virtual std::vector<NearbyHospital> hospitals_within(std::string_view version, GeoPoint point, double radius_m,
                                                       bool emergency_only) = 0;
  /// For every ZIP centroid of a version, the nearest hospital with emergency services, in ZIP order.
  virtual std::vector<ZipAccess> zip_emergency_access(std::string_view version) = 0;
  /// Replaces the analysis documents of a version in one transaction; throws not_found when absent.
  virtual void save_analysis(std::string_view version, const std::vector<AnalysisDocument>& documents) = 0;
  /// The analysis documents of a version (empty when `hci analyze` has not run on it), by name.
  virtual std::vector<AnalysisDocument> load_analysis(std::string_view version) = 0;
  /// Adds a trained model to the registry (its dataset_version must be stored); throws not_found otherwise.
  virtual void save_model(const ModelRecord& model) = 0;
  /// The newest model of each name trained on a version, by name; artifacts included.
  virtual std::vector<ModelRecord> current_models(std::string_view version) = 0;
  /// Records the start of a pipeline run; returns its id.
  virtual std::int64_t start_pipeline_run(std::string_view trigger) = 0;
  /// Records one finished task attempt of a run.
  virtual void record_task_run(std::int64_t run_id, const PipelineTaskRun& attempt) = 0;
  /// Records how a run ended.
  virtual void finish_pipeline_run(std::int64_t run_id, std::string_view status, std::string_view dataset_version,
                                   std::string_view error) = 0;
  /// The `limit` newest runs with their task attempts, newest first.
  virtual std::vector<PipelineRun> pipeline_runs(int limit) = 0;
  /// Takes the pipeline lock for `owner` unless another owner holds it; false when it is held. The lock
  /// lapses after `ttl` (SQLite) or when this store's connection closes (PostgreSQL advisory lock).
  virtual bool try_lock_pipeline(std::string_view owner, std::chrono::seconds ttl) = 0;
  /// Releases the pipeline lock if `owner` holds it.
  virtual void unlock_pipeline(std::string_view owner) = 0;
  /// Records a new API key; throws conflict when an active key already has that name.
  virtual void add_api_key(const ApiKeyRecord& key) = 0;
  /// Every key ever issued, active and revoked, oldest first.
  virtual std::vector<ApiKeyRecord> list_api_keys() = 0;
  /// Revokes the active key with that name; false when there is none.
  virtual bool revoke_api_key(std::string_view name) = 0;
  /// A short text that changes whenever what a server serves changes: the current version, its analysis,
  /// its models, the latest pipeline run. Servers poll it to reload without being told.
  virtual std::string change_marker() = 0;
  /// A human description of where the store lives, for messages ("sqlite:data/hci.db").
  virtual std::string describe() const = 0;
};

/// Opens the store named by a --db value: "sqlite:PATH" (or a bare path ending in .db) or a
/// "postgresql://user@host:port/database" URI.
/// An SQLite file is created only when `mode` allows; a PostgreSQL database must always exist.
/// Throws invalid_input for an unknown scheme and unavailable when the database cannot be opened.
std::unique_ptr<Store> open_store(std::string_view uri, OpenMode mode = OpenMode::create_if_missing);

}  // namespace hci
