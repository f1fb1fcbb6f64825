#pragma once
// One PostgreSQL transaction that streams a dataset version in with COPY and makes it current.

#include <cstdint>
#include <string>

#include "store/postgres/pg_connection.hpp"
#include "store/store.hpp"

namespace hci {

/// Writes a dataset version in one transaction opened at construction. Records stream into the tables
/// with COPY (a table's COPY stays open while its records arrive in a run); commit() makes the version
/// current and prunes old ones; destruction without commit rolls back, as does a dropped connection or a
/// killed server (the server discards the open transaction), so the previous version stays current.
class PostgresDatasetLoad : public DatasetLoad {
 public:
  PostgresDatasetLoad(pg::Connection& connection, int versions_kept);
  ~PostgresDatasetLoad() override;

  void add(const Hospital& hospital) override;
  void add(const ZipCentroid& centroid) override;
  void add(const County& county) override;
  void add(const StateIndicator& indicator) override;
  void add(const StateUnemployment& rate) override;
  void add(const AreaMeasure& measure) override;
  void add(const MeasureDefinition& definition) override;
  CommitOutcome commit(const DatasetManifest& manifest) override;

 private:
  void write(const RecordTable& table, const TextRow& row);
  void end_copy();
  void write_manifest(const DatasetManifest& manifest);
  void refresh_statistics();
  void rollback() noexcept;

  pg::Connection& connection_;
  int versions_kept_;
  bool open_ = false;
  std::string dataset_id_;
  const RecordTable* copying_ = nullptr;
};

}  // namespace hci
