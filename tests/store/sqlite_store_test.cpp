#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "core/error.hpp"
#include "pipeline/load_sources.hpp"
#include "store/migration.hpp"
#include "store/schema_check.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"
#include "store/tables/record_tables.hpp"
#include "support/failing_sink.hpp"
#include "support/temp_dir.hpp"

namespace hci::store {

namespace {

struct SqliteStoreTest : ::testing::Test {
  testing::TempDir dir;
  std::string db_path = (dir.path() / "hci.db").string();
  std::unique_ptr<Store> opened = open_store("sqlite:" + db_path);
  Store& store = *opened;

  // One number from the database, read through a separate connection as another process would.
  std::int64_t count(const std::string& sql) {
    sqlite::SqliteConnection reader(db_path, OpenMode::must_exist);
    const auto value = query_integer(reader, sql);
    EXPECT_TRUE(value.has_value()) << sql;
    return value.value_or(-1);
  }
  std::int64_t current(const std::string& table) {
    return count("SELECT count(*) FROM " + table + " t JOIN datasets d ON d.id = t.dataset_id WHERE d.is_current = 1");
  }
  // A copy of the snapshot whose content (and so version) differs by `salt` blank lines.
  std::filesystem::path variant(int salt) {
    auto variant_dir = dir.path() / ("snapshot-" + std::to_string(salt));
    testing::copy_snapshot(variant_dir);
    std::ofstream(variant_dir / "states/state_unemployment_monthly.csv", std::ios::app) << std::string(salt, '\n');
    return variant_dir;
  }
};

}  // namespace

TEST_F(SqliteStoreTest, MigrationsAreRecordedAndAppliedOnce) {
  const auto known = sqlite_migrations().size();
  EXPECT_EQ(store.migrate().size(), known);
  EXPECT_TRUE(store.migrate().empty());
  auto status = store.migration_status();
  ASSERT_EQ(status.size(), known);
  for (const auto& migration : status) EXPECT_TRUE(migration.applied) << migration.name;
  EXPECT_EQ(status[0].name, "initial_schema");
  EXPECT_EQ(status[1].name, "api_keys");
  EXPECT_EQ(count("SELECT count(*) FROM schema_migrations"), static_cast<std::int64_t>(known));
}

TEST_F(SqliteStoreTest, EveryTableDescriptionMatchesTheMigratedSchema) {
  store.migrate();
  sqlite::SqliteConnection db(db_path, OpenMode::must_exist);
  testing::expect_every_description_matches(db);
}

// A database created before migration 008 keeps its hospitals when the table becomes clustered on its key.
TEST_F(SqliteStoreTest, UpgradingToClusteredHospitalsKeepsEveryStoredHospital) {
  {
    sqlite::SqliteConnection older(db_path, OpenMode::must_exist);
    for (const auto& migration : sqlite_migrations()) {
      if (migration.version >= 8) break;
      older.execute(migration.sql);
      run(older, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 'earlier')",
          {migration.version, migration.name});
    }
    older.execute(
        "INSERT INTO datasets (id, version, created_at, source_dir, is_current) VALUES (1, 'v1', 'then', '', 1)");
    const std::string hospital =
        "INSERT INTO hospitals (dataset_id, id, name, address, city, state_code, zip, county, phone, type, ownership,"
        " emergency_services, birthing_friendly, rating_footnote, mortality_footnote, safety_footnote,"
        " readmission_footnote, patient_experience_footnote, timely_effective_footnote, latitude, longitude, beds)"
        " VALUES (1, ?, ?, '', '', 'AL', '36301', '', '', 'Acute Care Hospitals', '', 1, 0, '', '', '', '', '', '',"
        " 31.2, -85.4, ?)";
    run(older, hospital, {"010001", "SOUTHEAST HEALTH MEDICAL CENTER", 420});
    run(older, hospital, {"010005", "MARSHALL MEDICAL CENTERS", 150});
  }
  const auto applied = store.migrate();
  ASSERT_EQ(applied.size(), sqlite_migrations().size() - 7);
  EXPECT_EQ(applied.front().name, "hospitals_clustered");
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE dataset_id = 1"), 2);
  EXPECT_EQ(count("SELECT beds FROM hospitals WHERE dataset_id = 1 AND id = '010001'"), 420);
  // 008 recreated the location index on the new table; 009 then dropped it, as no query reads it any more.
  EXPECT_EQ(count("SELECT count(*) FROM pragma_index_list('hospitals') WHERE name = 'hospitals_location'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_schema WHERE name = 'hospitals' AND sql LIKE '%WITHOUT ROWID'"), 1);
}

namespace {

// Counts what a stored version gives back per table, and keeps one hospital to compare field by field.
struct RecordTally : DatasetSink {
  void receive(RecordRef record) override {
    std::visit(
        [this](const auto* r) {
          using Record = std::decay_t<decltype(*r)>;
          ++by_table[record_table<Record>().description().name];
          if constexpr (std::is_same_v<Record, Hospital>) {
            if (r->id == "450056") kept = *r;
          }
        },
        record);
  }
  std::map<std::string, std::int64_t> by_table;
  Hospital kept;
};

}  // namespace

TEST_F(SqliteStoreTest, ReadDatasetGivesBackEveryStoredRecord) {
  const std::string version = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {}).result.version;
  RecordTally tally;
  store.read_dataset(version, tally);
  DatasetRecords::for_each([&]<typename Record>() {
    const std::string& table = record_table<Record>().description().name;
    EXPECT_GT(current(table), 0) << table;
    EXPECT_EQ(tally.by_table[table], current(table)) << table;
  });
  EXPECT_EQ(tally.kept.city, "AUSTIN");
  EXPECT_EQ(tally.kept.mortality.measures, 7);
  EXPECT_TRUE(tally.kept.latitude.has_value());
  EXPECT_THROW(store.read_dataset(std::string(64, '0'), tally), Error);

  // A read of some record types gives those alone, and their count is known before reading them.
  RecordTally values_only;
  const auto selection = RecordSelection::only<HospitalMeasure, MeasureValue>();
  store.read_dataset(version, values_only, selection);
  EXPECT_EQ(values_only.by_table.size(), 2u);
  EXPECT_EQ(values_only.by_table["measure_values"], current("measure_values"));
  EXPECT_EQ(store.count_records(version, selection), current("measure_values") + current("hospital_measures"));
}

TEST_F(SqliteStoreTest, ApiKeysKeepOnlyHashesAndRevokeByName) {
  store.migrate();
  store.add_api_key({"analyst", "hci_0123abcd", std::string(64, 'a'), "read,export", "", ""});
  EXPECT_THROW(store.add_api_key({"analyst", "hci_x", std::string(64, 'b'), "read", "", ""}), Error);
  auto keys = store.list_api_keys();
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].key_hash, std::string(64, 'a'));
  EXPECT_FALSE(keys[0].created_at.empty());
  EXPECT_TRUE(store.revoke_api_key("analyst"));
  EXPECT_FALSE(store.revoke_api_key("analyst"));
  EXPECT_FALSE(store.list_api_keys()[0].revoked_at.empty());
  store.add_api_key({"analyst", "hci_x", std::string(64, 'b'), "read", "", ""});  // the name is free again
  EXPECT_EQ(store.list_api_keys().size(), 2u);
}

TEST_F(SqliteStoreTest, OpeningAMissingFileToReadFailsNamingItAndCreatesNothing) {
  const auto missing = dir.path() / "typo.db";
  try {
    open_store("sqlite:" + missing.string(), OpenMode::must_exist);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unavailable);
    EXPECT_NE(std::string(e.what()).find(missing.string() + " does not exist"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(SqliteStoreTest, LoadWithoutMigrationsSaysWhatToRun) {
  try {
    store.begin_load();
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("hci db migrate"), std::string::npos);
  }
}

TEST_F(SqliteStoreTest, SnapshotLoadHoldsTheRealFacts) {
  pipeline::LoadOutcome outcome = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {});
  EXPECT_EQ(outcome.commit, CommitOutcome::new_version);
  EXPECT_EQ(current("hospitals"), 5421);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE rating IS NOT NULL"), 2869);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE type = 'Acute Care Hospitals'"), 3120);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE type = 'Critical Access Hospitals'"), 1375);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE rating = 1"), 229);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE rating = 5"), 289);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals WHERE latitude IS NULL"), 0);
  EXPECT_EQ(current("states"), 56);
  EXPECT_EQ(current("zip_centroids"), 42252);
  EXPECT_EQ(current("quarantined_rows"), 23);
  EXPECT_EQ(count("SELECT count(*) FROM dataset_sources"),
            static_cast<std::int64_t>(ingest::required_sources().size()));
  EXPECT_EQ(count("SELECT count(*) FROM zip_centroids WHERE county_fips IS NOT NULL") > 41000, true);
  auto dataset = store.find_dataset("");
  ASSERT_TRUE(dataset);
  EXPECT_EQ(dataset->version, outcome.result.version);
  EXPECT_EQ(dataset->hospital_count, 5421);
  EXPECT_EQ(store.find_dataset(outcome.result.version.substr(0, 8))->version, outcome.result.version);
}

TEST_F(SqliteStoreTest, FailureMidLoadLeavesThePreviousVersionCurrentAndComplete) {
  const std::string previous = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {}).result.version;
  {
    auto load = store.begin_load();
    testing::FailingSink failing(*load, 3000);
    EXPECT_THROW(ingest::ingest_sources(variant(1), failing, nullptr), Error);
  }  // the load is destroyed uncommitted: rolled back
  EXPECT_EQ(store.find_dataset("")->version, previous);
  EXPECT_EQ(count("SELECT count(*) FROM datasets"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals"), 5421);
  EXPECT_EQ(current("zip_centroids"), 42252);
  EXPECT_EQ(pipeline::load_sources(store, variant(2), {}).commit,
            CommitOutcome::new_version);  // the next load succeeds
}

TEST_F(SqliteStoreTest, ReadersSeeThePreviousVersionWhileALoadRuns) {
  const std::string previous = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {}).result.version;
  auto load = store.begin_load();
  testing::FailingSink failing(*load, 100000);
  ingest::ingest_sources(variant(1), failing, nullptr);  // written, not committed
  EXPECT_EQ(count("SELECT count(*) FROM hospitals"), 5421);
  EXPECT_EQ(count("SELECT count(*) FROM datasets WHERE is_current = 1 AND version = '" + previous + "'"), 1);
}

TEST_F(SqliteStoreTest, IdenticalContentReusesItsVersion) {
  const std::string first = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {}).result.version;
  pipeline::load_sources(store, variant(1), {});
  pipeline::LoadOutcome again = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {});
  EXPECT_EQ(again.commit, CommitOutcome::already_present);
  EXPECT_EQ(store.find_dataset("")->version, first);
  EXPECT_EQ(count("SELECT count(*) FROM datasets"), 2);
  EXPECT_EQ(current("hospitals"), 5421);
}

TEST_F(SqliteStoreTest, KeepsOnlyTheNewestVersions) {
  for (int salt = 1; salt <= Store::versions_kept + 1; ++salt) pipeline::load_sources(store, variant(salt), {});
  auto datasets = store.list_datasets();
  ASSERT_EQ(datasets.size(), static_cast<size_t>(Store::versions_kept));
  EXPECT_TRUE(datasets.front().is_current);
  EXPECT_EQ(count("SELECT count(*) FROM hospitals"), 5421 * Store::versions_kept);
}

TEST_F(SqliteStoreTest, AnalysisDocumentsAreReplacedWholeAndTiedToTheirVersion) {
  store.migrate();
  pipeline::load_sources(store, variant(1), {});
  const std::string first = store.find_dataset("")->version;
  store.save_analysis(first, {{"a", R"({"x":1})"}, {"b", "[]"}});
  store.save_analysis(first, {{"a", R"({"x":2})"}});
  const auto documents = store.load_analysis(first);
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].json, R"({"x":2})");
  pipeline::load_sources(store, variant(2), {});
  EXPECT_TRUE(store.load_analysis(store.find_dataset("")->version).empty());  // a new version starts bare
  EXPECT_EQ(store.load_analysis(first).size(), 1u);
  EXPECT_THROW(store.save_analysis("not-a-version", {}), Error);
}

TEST_F(SqliteStoreTest, QuarantinedRowsAreKeptWithTheirReasons) {
  const std::string version = pipeline::load_sources(store, HCI_SOURCE_DATA_DIR, {}).result.version;
  auto rows = store.quarantined_rows(version, 100);
  ASSERT_EQ(rows.size(), 23u);
  EXPECT_EQ(rows[0].source, "state_indicators");
  EXPECT_FALSE(rows[0].raw.empty());
}

TEST_F(SqliteStoreTest, UnknownDatabaseSchemeIsRejected) { EXPECT_THROW(open_store("mysql://x"), Error); }

TEST_F(SqliteStoreTest, FileThatIsNotADatabaseGivesAClearError) {
  std::string bogus = dir.write("bogus.db", "this is not sqlite, just text long enough to not be a header............");
  try {
    open_store("sqlite:" + bogus, OpenMode::must_exist);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unavailable);
    EXPECT_NE(std::string(e.what()).find("is not an SQLite database"), std::string::npos);
  }
}

}  // namespace hci::store
