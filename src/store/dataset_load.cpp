#include "store/dataset_load.hpp"

#include <random>

#include "core/us_states.hpp"
#include "store/tables/manifest_tables.hpp"
#include "store/tables/record_tables.hpp"

namespace hci::store {

namespace {

// A unique version until commit() knows the content hash; invisible outside the load's transaction.
std::string placeholder_version() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "loading-%016llx", static_cast<unsigned long long>(random()));
  return buffer;
}

}  // namespace

void make_version_current(SqlConnection& connection, std::int64_t dataset_id) {
  run(connection, "UPDATE datasets SET is_current = false WHERE is_current");
  run(connection, "UPDATE datasets SET is_current = true WHERE id = ?", {dataset_id});
}

DatasetLoad::DatasetLoad(SqlConnection& connection, int versions_kept)
    : connection_(connection), versions_kept_(versions_kept), transaction_(connection) {
  dataset_id_ = query_integer(connection_,
                              "INSERT INTO datasets (version, created_at, source_dir) VALUES (?, ?, '') RETURNING id",
                              {placeholder_version(), utc_timestamp_now()})
                    .value_or(0);
  bulk_ = connection_.bulk_writer();
}

void DatasetLoad::receive(RecordRef record) {
  std::visit([this](const auto* r) { write(*r, false); }, record);
}

void DatasetLoad::receive_batch(std::span<const DatasetRecords::Value> records) {
  for (const auto& record : records) std::visit([this](const auto& r) { write(r, true); }, record);
  bulk_->finish();
}

template <typename Record>
void DatasetLoad::write(const Record& record, bool borrow_text) {
  const RecordTable<Record>& table = record_table<Record>();
  cells_.clear();
  cells_.emplace_back(dataset_id_);
  table.append_cells(record, cells_);
  if (borrow_text) {
    bulk_->write_borrowed(table.description(), cells_);
  } else {
    bulk_->write(table.description(), cells_);
  }
}

CommitOutcome DatasetLoad::commit(const DatasetManifest& manifest) {
  bulk_->finish();
  if (auto existing = query_integer(connection_, "SELECT id FROM datasets WHERE version = ?", {manifest.version})) {
    return reuse_existing(*existing, manifest.make_current);
  }
  write_manifest(manifest);
  if (connection_.dialect().analyze_after_load) refresh_statistics();
  make_current_and_prune(manifest.make_current);
  transaction_.commit();
  return CommitOutcome::new_version;
}

CommitOutcome DatasetLoad::reuse_existing(std::int64_t existing, bool make_current) {
  transaction_.rollback();
  if (!make_current) return CommitOutcome::already_present;
  Transaction transaction(connection_);
  make_version_current(connection_, existing);
  transaction.commit();
  return CommitOutcome::already_present;
}

void DatasetLoad::write_manifest(const DatasetManifest& manifest) {
  run(connection_,
      "UPDATE datasets SET version = ?, source_dir = ?, hospital_count = ?, quarantined_count = ?, summary = ?,"
      " quality_report = ? WHERE id = ?",
      {manifest.version, manifest.source_dir, manifest.hospital_count, manifest.quarantined.size(),
       manifest.summary_json, manifest.quality_report_json, dataset_id_});
  std::int64_t position = 0;
  for (const auto& f : manifest.sources) {
    const SqlValue row[] = {dataset_id_, position++, f.name, f.path, f.sha256, f.bytes, f.rows};
    bulk_->write(dataset_sources_table(), row);
  }
  for (const auto& f : manifest.findings) {
    const SqlValue row[] = {dataset_id_, f.source, f.rule, f.column, severity_name(f.severity), f.count, f.example};
    bulk_->write(quality_issues_table(), row);
  }
  for (const auto& q : manifest.quarantined) {
    const SqlValue row[] = {dataset_id_, q.source, q.line, q.reason, q.raw};
    bulk_->write(quarantined_rows_table(), row);
  }
  for (const auto& j : all_jurisdictions()) {
    if (j.kind == JurisdictionKind::postal_only) continue;
    const SqlValue row[] = {dataset_id_, j.code, j.fips, j.name, jurisdiction_kind_name(j.kind)};
    bulk_->write(states_table(), row);
  }
  bulk_->finish();
}

// ANALYZE inside the load's transaction counts its own rows and commits with it.
void DatasetLoad::refresh_statistics() {
  std::string tables;
  DatasetRecords::for_each(
      [&]<typename Record>() { tables += (tables.empty() ? "" : ", ") + record_table<Record>().description().name; });
  connection_.execute("ANALYZE " + tables);
}

void DatasetLoad::make_current_and_prune(bool make_current) {
  if (make_current) make_version_current(connection_, dataset_id_);
  // The current version is never pruned, however many newer versions were staged after it.
  run(connection_,
      "DELETE FROM datasets WHERE NOT is_current AND id NOT IN (SELECT id FROM datasets ORDER BY id DESC LIMIT ?)",
      {versions_kept_});
}

}  // namespace hci::store
