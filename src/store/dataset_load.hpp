#pragma once
// One transaction that writes a dataset version and makes it current.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/dataset_sink.hpp"
#include "core/quality.hpp"
#include "store/sql/sql_connection.hpp"
#include "store/sql/transaction.hpp"

namespace hci::store {

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

/// A dataset version being written inside one transaction opened at construction. Records stream into
/// their tables through the connection's bulk writer (each record type's table comes from
/// record_table<Record>()) and stay invisible to readers until commit(), which makes the version current
/// and prunes old ones. Destroying a load that was not committed rolls everything back, as does a dropped
/// connection or a killed server, so a failure at any point leaves the previous version current and complete.
class DatasetLoad final : public DatasetSink {
 public:
  DatasetLoad(SqlConnection& connection, int versions_kept);

  void receive(RecordRef record) override;
  /// Writes the records without copying their text, which the batch keeps alive until this returns.
  void receive_batch(std::span<const DatasetRecords::Value> records) override;
  /// Makes this version current; throws hci::Error when the database refuses.
  CommitOutcome commit(const DatasetManifest& manifest);

 private:
  template <typename Record>
  void write(const Record& record, bool borrow_text);
  void write_manifest(const DatasetManifest& manifest);
  void refresh_statistics();
  void make_current_and_prune(bool make_current);
  CommitOutcome reuse_existing(std::int64_t existing, bool make_current);

  SqlConnection& connection_;
  int versions_kept_;
  Transaction transaction_;
  std::int64_t dataset_id_ = 0;
  std::unique_ptr<BulkWriter> bulk_;
  std::vector<SqlValue> cells_;  // one row's cells, reused from row to row
};

/// Makes the version stored under `dataset_id` the only current one, inside the caller's transaction.
void make_version_current(SqlConnection& connection, std::int64_t dataset_id);

}  // namespace hci::store
