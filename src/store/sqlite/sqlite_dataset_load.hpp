#pragma once
// One SQLite transaction that writes a dataset version and makes it current.

#include <cstdint>

#include "store/sqlite/batched_insert.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace hci {

/// Writes a dataset version inside one IMMEDIATE transaction opened at construction; commit() makes
/// it current and prunes old versions; destruction without commit rolls back. Readers of the file
/// see the previous version throughout (WAL).
class SqliteDatasetLoad : public DatasetLoad {
 public:
  SqliteDatasetLoad(sqlite::Connection& connection, int versions_kept);
  ~SqliteDatasetLoad() override;

  void add(const Hospital& hospital) override;
  void add(const ZipCentroid& centroid) override;
  void add(const County& county) override;
  void add(const StateIndicator& indicator) override;
  void add(const StateUnemployment& rate) override;
  void add(const AreaMeasure& measure) override;
  void add(const MeasureDefinition& definition) override;
  CommitOutcome commit(const DatasetManifest& manifest) override;

 private:
  std::optional<std::int64_t> existing_dataset(const std::string& version);
  void write_manifest(const DatasetManifest& manifest);
  void write_states();
  void make_current_and_prune(bool make_current);
  void rollback() noexcept;
  void flush_rows();

  sqlite::Connection& connection_;
  int versions_kept_;
  bool open_ = false;
  std::int64_t dataset_id_ = 0;
  sqlite::BatchedInsert<Hospital> hospitals_;
  sqlite::BatchedInsert<ZipCentroid> zips_;
  sqlite::BatchedInsert<County> counties_;
  sqlite::BatchedInsert<StateIndicator> indicators_;
  sqlite::BatchedInsert<StateUnemployment> unemployment_;
  sqlite::BatchedInsert<AreaMeasure> measures_;
  sqlite::BatchedInsert<MeasureDefinition> definitions_;
};

}  // namespace hci
