#pragma once
// The SQLite backend of the Store: one file, WAL mode, atomic dataset versions.

#include <string>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace hci {

/// Stores dataset versions in an SQLite file. Readers in other processes keep seeing the previous
/// version while a load runs (WAL). Keeps the `versions_kept` newest versions and prunes older ones.
class SqliteStore : public Store {
 public:
  /// Opens the database file at `path`, creating it only when `mode` allows.
  SqliteStore(const std::string& path, OpenMode mode);

  std::vector<MigrationState> migrate() override;
  std::vector<MigrationState> migration_status() override;
  std::unique_ptr<DatasetLoad> begin_load() override;
  std::vector<DatasetInfo> list_datasets() override;
  std::optional<DatasetInfo> find_dataset(std::string_view version_prefix) override;
  std::vector<QuarantinedRow> quarantined_rows(std::string_view version, std::int64_t limit) override;
  void read_dataset(std::string_view version, DatasetSink& sink) override;
  void publish(std::string_view version) override;
  std::vector<NearbyHospital> nearest_hospitals(std::string_view version, GeoPoint point, int k,
                                                bool emergency_only) override;
  std::vector<NearbyHospital> hospitals_within(std::string_view version, GeoPoint point, double radius_m,
                                               bool emergency_only) override;
  std::vector<ZipAccess> zip_emergency_access(std::string_view version) override;
  void save_analysis(std::string_view version, const std::vector<AnalysisDocument>& documents) override;
  std::vector<AnalysisDocument> load_analysis(std::string_view version) override;
  void save_model(const ModelRecord& model) override;
  std::vector<ModelRecord> current_models(std::string_view version) override;
  std::int64_t start_pipeline_run(std::string_view trigger) override;
  void record_task_run(std::int64_t run_id, const PipelineTaskRun& attempt) override;
  void finish_pipeline_run(std::int64_t run_id, std::string_view status, std::string_view dataset_version,
                           std::string_view error) override;
  std::vector<PipelineRun> pipeline_runs(int limit) override;
  bool try_lock_pipeline(std::string_view owner, std::chrono::seconds ttl) override;
  void unlock_pipeline(std::string_view owner) override;
  std::string change_marker() override;
  void add_api_key(const ApiKeyRecord& key) override;
  std::vector<ApiKeyRecord> list_api_keys() override;
  bool revoke_api_key(std::string_view name) override;
  std::string describe() const override { return "sqlite:" + connection_.path(); }

  /// How many dataset versions are kept; older ones are deleted when a new one commits.
  static constexpr int versions_kept = 3;

 private:
  void require_schema();
  std::vector<SourceFile> sources_of(std::int64_t dataset_id);
  std::int64_t dataset_id_of(std::string_view version);

  sqlite::Connection connection_;
};

}  // namespace hci
