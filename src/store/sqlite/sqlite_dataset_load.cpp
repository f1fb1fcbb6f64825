#include "store/sqlite/sqlite_dataset_load.hpp"

#include "core/us_states.hpp"

namespace hci {

namespace {

// Binds a measure group from parameter `first` on: the five counts (as present) and the footnote.
int bind_group(sqlite::Statement& insert, int first, const MeasureGroup& group, bool with_comparisons) {
  int index = first;
  insert.bind(index++, group.measures);
  insert.bind(index++, group.facility_measures);
  if (with_comparisons) {
    insert.bind(index++, group.better);
    insert.bind(index++, group.no_different);
    insert.bind(index++, group.worse);
  }
  insert.bind(index++, group.footnote);
  return index;
}

// Binds `values` to the parameters first, first + 1, ...
template <typename... Values>
void bind_all(sqlite::Statement& s, int first, const Values&... values) {
  int index = first;
  (s.bind(index++, values), ...);
}

// Binds the 43 hospital columns after dataset_id, from parameter `first` on.
void bind_hospital(sqlite::Statement& s, int first, const Hospital& h) {
  bind_all(s, first, h.id, h.name, h.address, h.city, h.state, h.zip, h.county, h.county_fips, h.phone, h.type,
           h.ownership, h.emergency_services, h.birthing_friendly, h.rating, h.rating_footnote);
  int next = bind_group(s, first + 15, h.mortality, true);
  next = bind_group(s, next, h.safety, true);
  next = bind_group(s, next, h.readmission, true);
  next = bind_group(s, next, h.patient_experience, false);
  next = bind_group(s, next, h.timely_effective, false);
  bind_all(s, next, h.latitude, h.longitude, h.beds, h.hifld_id);
}

}  // namespace

SqliteDatasetLoad::SqliteDatasetLoad(sqlite::Connection& connection, int versions_kept)
    : connection_(connection),
      versions_kept_(versions_kept),
      hospitals_(connection.handle(), "INSERT INTO hospitals", 44,
                 [this](auto& s, int first, const Hospital& h) {
                   s.bind(first, dataset_id_);
                   bind_hospital(s, first + 1, h);
                 }),
      zips_(connection.handle(),
            "INSERT INTO zip_centroids (dataset_id, zip, latitude, longitude, city, state_code, coord_source,"
            " county_fips)",
            8,
            [this](auto& s, int first, const ZipCentroid& z) {
              bind_all(s, first, dataset_id_, z.zip, z.latitude, z.longitude, z.city, z.state, z.coord_source,
                       z.county_fips);
            }),
      counties_(connection.handle(), "INSERT INTO counties", 10,
                [this](auto& s, int first, const County& c) {
                  bind_all(s, first, dataset_id_, c.fips, c.state, c.name, c.urban_rural_2023, c.urban_rural_2013,
                           c.urban_rural_2006, c.urban_rural_1990, c.cbsa_title, c.population);
                }),
      indicators_(connection.handle(), "INSERT INTO state_indicators", 7,
                  [this](auto& s, int first, const StateIndicator& i) {
                    bind_all(s, first, dataset_id_, i.state, i.year, i.indicator, i.value, i.unit, i.source);
                  }),
      unemployment_(connection.handle(), "INSERT INTO state_unemployment", 4,
                    [this](auto& s, int first, const StateUnemployment& u) {
                      bind_all(s, first, dataset_id_, u.state, u.month, u.rate_pct);
                    }),
      measures_(connection.handle(), "INSERT INTO area_measures", 6,
                [this](auto& s, int first, const AreaMeasure& m) {
                  bind_all(s, first, dataset_id_, m.fips, m.level, m.state, m.measure, m.value);
                }),
      definitions_(connection.handle(), "INSERT INTO measure_definitions", 6,
                   [this](auto& s, int first, const MeasureDefinition& d) {
                     bind_all(s, first, dataset_id_, d.name, d.chr_measure_id, d.description, d.release, d.source_file);
                   }) {
  connection_.exec("BEGIN IMMEDIATE");
  open_ = true;
  try {
    // A placeholder version until commit() knows the content hash; invisible outside this transaction.
    connection_.exec(
        "INSERT INTO datasets (version, created_at, source_dir)"
        " VALUES ('loading-' || hex(randomblob(8)), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '')");
    dataset_id_ = sqlite3_last_insert_rowid(connection_.handle());
  } catch (...) {
    rollback();
    throw;
  }
}

SqliteDatasetLoad::~SqliteDatasetLoad() { rollback(); }

void SqliteDatasetLoad::rollback() noexcept {
  if (!open_) return;
  open_ = false;
  sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteDatasetLoad::add(const Hospital& h) { hospitals_.add(h); }
void SqliteDatasetLoad::add(const ZipCentroid& z) { zips_.add(z); }
void SqliteDatasetLoad::add(const County& c) { counties_.add(c); }
void SqliteDatasetLoad::add(const StateIndicator& i) { indicators_.add(i); }
void SqliteDatasetLoad::add(const StateUnemployment& u) { unemployment_.add(u); }
void SqliteDatasetLoad::add(const AreaMeasure& m) { measures_.add(m); }
void SqliteDatasetLoad::add(const MeasureDefinition& d) { definitions_.add(d); }

void SqliteDatasetLoad::flush_rows() {
  hospitals_.flush();
  zips_.flush();
  counties_.flush();
  indicators_.flush();
  unemployment_.flush();
  measures_.flush();
  definitions_.flush();
}

std::optional<std::int64_t> SqliteDatasetLoad::existing_dataset(const std::string& version) {
  auto query = connection_.prepare("SELECT id FROM datasets WHERE version = ?");
  query.bind(1, version);
  if (!query.step()) return std::nullopt;
  return query.column_int(0);
}

CommitOutcome SqliteDatasetLoad::commit(const DatasetManifest& manifest) {
  flush_rows();
  if (auto existing = existing_dataset(manifest.version)) {
    rollback();
    if (!manifest.make_current) return CommitOutcome::already_present;
    connection_.exec("BEGIN IMMEDIATE");
    auto make_current = connection_.prepare("UPDATE datasets SET is_current = (id = ?)");
    make_current.bind(1, *existing);
    try {
      connection_.exec("UPDATE datasets SET is_current = 0 WHERE is_current = 1");
      make_current.run();
      connection_.exec("COMMIT");
    } catch (...) {
      connection_.exec("ROLLBACK");
      throw;
    }
    return CommitOutcome::already_present;
  }
  write_manifest(manifest);
  write_states();
  make_current_and_prune(manifest.make_current);
  connection_.exec("COMMIT");
  open_ = false;
  return CommitOutcome::new_version;
}

void SqliteDatasetLoad::write_manifest(const DatasetManifest& manifest) {
  auto update = connection_.prepare(
      "UPDATE datasets SET version = ?, source_dir = ?, hospital_count = ?, quarantined_count = ?, summary = ?,"
      " quality_report = ? WHERE id = ?");
  update.bind(1, manifest.version);
  update.bind(2, manifest.source_dir);
  update.bind(3, manifest.hospital_count);
  update.bind(4, static_cast<std::int64_t>(manifest.quarantined.size()));
  update.bind(5, manifest.summary_json);
  update.bind(6, manifest.quality_report_json);
  update.bind(7, dataset_id_);
  update.run();

  auto source = connection_.prepare("INSERT INTO dataset_sources VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& file : manifest.sources) {
    source.run_with(dataset_id_, file.name, file.path, file.sha256, file.bytes, file.rows);
  }
  auto finding = connection_.prepare("INSERT INTO quality_issues VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& f : manifest.findings) {
    finding.run_with(dataset_id_, f.source, f.rule, f.column, severity_name(f.severity), f.count, f.example);
  }
  auto quarantined = connection_.prepare("INSERT INTO quarantined_rows VALUES (?, ?, ?, ?, ?)");
  for (const auto& row : manifest.quarantined) {
    quarantined.run_with(dataset_id_, row.source, row.line, row.reason, row.raw);
  }
}

void SqliteDatasetLoad::write_states() {
  auto insert = connection_.prepare("INSERT INTO states VALUES (?, ?, ?, ?, ?)");
  for (const auto& j : all_jurisdictions()) {
    if (j.kind == JurisdictionKind::postal_only) continue;
    insert.run_with(dataset_id_, j.code, j.fips, j.name, jurisdiction_kind_name(j.kind));
  }
}

void SqliteDatasetLoad::make_current_and_prune(bool make_current) {
  if (make_current) {
    connection_.exec("UPDATE datasets SET is_current = 0 WHERE is_current = 1");
    connection_.prepare("UPDATE datasets SET is_current = 1 WHERE id = ?").run_with(dataset_id_);
  }
  // The current version is never pruned, however many newer versions were staged after it.
  auto prune = connection_.prepare(
      "DELETE FROM datasets WHERE is_current = 0 AND id NOT IN (SELECT id FROM datasets ORDER BY id DESC LIMIT ?)");
  prune.bind(1, versions_kept_);
  prune.run();
}

}  // namespace hci
