#include "store/postgres/postgres_dataset_load.hpp"

#include "core/us_states.hpp"

namespace hci {

namespace {

const RecordTable kSources{"dataset_sources", {"position", "name", "path", "sha256", "bytes", "row_count"}, ""};
const RecordTable kFindings{"quality_issues", {"source", "rule", "column_name", "severity", "count", "example"}, ""};
const RecordTable kQuarantined{"quarantined_rows", {"source", "line", "reason", "raw_row"}, ""};
const RecordTable kStates{"states", {"code", "fips", "name", "kind"}, ""};

}  // namespace

PostgresDatasetLoad::PostgresDatasetLoad(pg::Connection& connection, int versions_kept)
    : connection_(connection), versions_kept_(versions_kept) {
  connection_.exec("BEGIN");
  open_ = true;
  try {
    // A placeholder version until commit() knows the content hash; invisible outside this transaction.
    dataset_id_ =
        connection_
            .query(
                "INSERT INTO datasets (version, created_at, source_dir) VALUES ('loading-' || md5(random()::text),"
                " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '') RETURNING id")
            .text(0, 0);
  } catch (...) {
    rollback();
    throw;
  }
}

PostgresDatasetLoad::~PostgresDatasetLoad() { rollback(); }

void PostgresDatasetLoad::rollback() noexcept {
  if (!open_) return;
  open_ = false;
  try {
    if (copying_) connection_.end_copy();
    connection_.exec("ROLLBACK");
  } catch (...) {
    // The connection is gone or broken: the server discards the transaction on its own.
  }
}

void PostgresDatasetLoad::write(const RecordTable& table, const TextRow& row) {
  if (copying_ != &table) {
    end_copy();
    connection_.begin_copy(table, "dataset_id");
    copying_ = &table;
  }
  connection_.copy_row(dataset_id_, row);
}

void PostgresDatasetLoad::end_copy() {
  if (!copying_) return;
  copying_ = nullptr;
  connection_.end_copy();
}

void PostgresDatasetLoad::add(const Hospital& h) { write(hospitals_table(), to_row(h)); }
void PostgresDatasetLoad::add(const ZipCentroid& z) { write(zip_centroids_table(), to_row(z)); }
void PostgresDatasetLoad::add(const County& c) { write(counties_table(), to_row(c)); }
void PostgresDatasetLoad::add(const StateIndicator& i) { write(state_indicators_table(), to_row(i)); }
void PostgresDatasetLoad::add(const StateUnemployment& u) { write(state_unemployment_table(), to_row(u)); }
void PostgresDatasetLoad::add(const AreaMeasure& m) { write(area_measures_table(), to_row(m)); }
void PostgresDatasetLoad::add(const MeasureDefinition& d) { write(measure_definitions_table(), to_row(d)); }

void PostgresDatasetLoad::write_manifest(const DatasetManifest& manifest) {
  connection_.query(
      "UPDATE datasets SET version = $1, source_dir = $2, hospital_count = $3, quarantined_count = $4, summary = $5,"
      " quality_report = $6 WHERE id = $7",
      {manifest.version, manifest.source_dir, std::to_string(manifest.hospital_count),
       std::to_string(manifest.quarantined.size()), manifest.summary_json, manifest.quality_report_json, dataset_id_});
  int position = 0;
  for (const auto& f : manifest.sources) {
    write(kSources,
          {std::to_string(position++), f.name, f.path, f.sha256, std::to_string(f.bytes), std::to_string(f.rows)});
  }
  for (const auto& f : manifest.findings) {
    write(kFindings,
          {f.source, f.rule, f.column, std::string(severity_name(f.severity)), std::to_string(f.count), f.example});
  }
  for (const auto& row : manifest.quarantined) {
    write(kQuarantined, {row.source, std::to_string(row.line), row.reason, row.raw});
  }
  for (const auto& j : all_jurisdictions()) {
    if (j.kind == JurisdictionKind::postal_only) continue;
    write(kStates,
          {std::string(j.code), std::string(j.fips), std::string(j.name), std::string(jurisdiction_kind_name(j.kind))});
  }
  end_copy();
}

CommitOutcome PostgresDatasetLoad::commit(const DatasetManifest& manifest) {
  end_copy();
  auto existing = connection_.query("SELECT id FROM datasets WHERE version = $1", {manifest.version});
  if (existing.rows() > 0) {
    const std::string id = existing.text(0, 0);
    rollback();
    if (!manifest.make_current) return CommitOutcome::already_present;
    connection_.exec("BEGIN");
    connection_.query("UPDATE datasets SET is_current = false WHERE is_current");
    connection_.query("UPDATE datasets SET is_current = true WHERE id = $1", {id});
    connection_.exec("COMMIT");
    return CommitOutcome::already_present;
  }
  write_manifest(manifest);
  refresh_statistics();
  if (manifest.make_current) {
    connection_.query("UPDATE datasets SET is_current = false WHERE is_current");
    connection_.query("UPDATE datasets SET is_current = true WHERE id = $1", {dataset_id_});
  }
  // The current version is never pruned, however many newer versions were staged after it.
  connection_.query(
      "DELETE FROM datasets WHERE NOT is_current AND id NOT IN (SELECT id FROM datasets ORDER BY id DESC LIMIT $1)",
      {std::to_string(versions_kept_)});
  connection_.exec("COMMIT");
  open_ = false;
  return CommitOutcome::new_version;
}

// The planner's row counts for the tables a load fills. Without them the first queries after a load are
// planned on stale counts until autovacuum gets round to it: the per-ZIP nearest-hospital query took 115 s
// instead of 9 s. ANALYZE inside the load's transaction counts its own rows and commits with it.
void PostgresDatasetLoad::refresh_statistics() {
  std::string tables;
  for (const RecordTable* table : {&hospitals_table(), &zip_centroids_table(), &counties_table(),
                                   &state_indicators_table(), &state_unemployment_table(), &area_measures_table()}) {
    tables += (tables.empty() ? "" : ", ") + table->name;
  }
  connection_.exec("ANALYZE " + tables);
}

}  // namespace hci
