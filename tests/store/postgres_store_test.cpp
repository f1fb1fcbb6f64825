// The PostgreSQL + PostGIS store against a real server: COPY loads of the real snapshot, PostGIS columns
// and views, atomic versions under injected failures and a killed server, and clear connection errors.

#include "store/store.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/error.hpp"
#include "pipeline/load_sources.hpp"
#include "store/migration.hpp"
#include "store/schema_check.hpp"
#include "support/failing_sink.hpp"
#include "support/postgres_server.hpp"

namespace hci::store {
namespace {

std::string scalar(const std::string& uri, const std::string& sql) {
  postgres::PgConnection connection(uri);
  return query_text(connection, sql).value_or("");
}

TEST(PostgresStoreTest, IngestOfTheSnapshotGivesRealRowsAndGeometry) {
  testing::TestDatabase database;
  auto store = open_store(database.uri());
  EXPECT_EQ(store->migrate().size(), postgres_migrations().size());
  EXPECT_TRUE(store->migrate().empty());
  pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
  EXPECT_EQ(scalar(database.uri(), "SELECT count(*) FROM hospitals"), "5421");
  EXPECT_EQ(scalar(database.uri(), "SELECT ST_AsText(geom) FROM hospitals WHERE id = '450056'"),
            "POINT(-97.738978 30.294713)");
  EXPECT_EQ(scalar(database.uri(), "SELECT count(*) FROM current_hospitals WHERE geom IS NOT NULL"), "5421");
  EXPECT_EQ(scalar(database.uri(), "SELECT hospitals FROM state_summaries WHERE code = 'TX'"), "462");
  EXPECT_EQ(scalar(database.uri(), "SELECT count(*) FROM current_zip_centroids"), "42252");  // 2 quarantined
  EXPECT_EQ(scalar(database.uri(), "SELECT county_fips FROM current_zip_centroids WHERE zip = '78705'"), "48453");
  EXPECT_EQ(scalar(database.uri(), "SELECT count(*) FROM pg_indexes WHERE indexname = 'hospitals_geom'"), "1");
  // The planner knows the new rows at once, not when autovacuum gets round to them.
  EXPECT_EQ(scalar(database.uri(), "SELECT reltuples::bigint FROM pg_class WHERE relname = 'hospitals'"), "5421");
  EXPECT_EQ(scalar(database.uri(), "SELECT reltuples > 40000 FROM pg_class WHERE relname = 'zip_centroids'"), "t");
}

TEST(PostgresStoreTest, AFailureMidLoadLeavesThePreviousVersionCurrentAndComplete) {
  testing::TestDatabase database;
  auto store = open_store(database.uri());
  store->migrate();
  pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
  const auto before = store->find_dataset("");
  {
    testing::TempDir dir;
    testing::copy_snapshot(dir.path() / "s");
    std::ofstream(dir.path() / "s/states/state_unemployment_monthly.csv", std::ios::app) << "\n";
    auto load = store->begin_load();
    testing::FailingSink failing(*load, 3000);
    EXPECT_THROW(ingest::ingest_sources(dir.path() / "s", failing, nullptr), Error);
  }
  EXPECT_EQ(store->find_dataset("")->version, before->version);
  EXPECT_EQ(store->list_datasets().size(), 1u);
  EXPECT_EQ(scalar(database.uri(), "SELECT count(*) FROM hospitals"), "5421");
}

TEST(PostgresStoreTest, AKilledServerMidLoadLosesNothingAndTheNextLoadSucceeds) {
  testing::PrivateServer server;
  testing::TestDatabase database(server.uri());
  {
    auto store = open_store(database.uri());
    store->migrate();
    pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
  }
  const std::string version = open_store(database.uri())->find_dataset("")->version;
  testing::TempDir dir;
  testing::copy_snapshot(dir.path() / "s");
  std::ofstream(dir.path() / "s/states/state_unemployment_monthly.csv", std::ios::app) << "\n";
  {
    auto store = open_store(database.uri());
    auto load = store->begin_load();
    testing::FailingSink killing(*load, 2500, [&] { server.kill(); });
    EXPECT_THROW(ingest::ingest_sources(dir.path() / "s", killing, nullptr), Error);
  }
  server.restart();
  auto store = open_store(database.uri());
  EXPECT_EQ(store->find_dataset("")->version, version);
  EXPECT_EQ(store->list_datasets().size(), 1u);
  EXPECT_EQ(scalar(database.uri(), "SELECT count(*) FROM hospitals"), "5421");
  const auto next = pipeline::load_sources(*store, dir.path() / "s", {});
  EXPECT_EQ(next.commit, CommitOutcome::new_version);
  EXPECT_NE(store->find_dataset("")->version, version);
}

TEST(PostgresStoreTest, ConnectionRefusedIsOneLineNamingHostAndPort) {
  try {
    open_store("postgresql://postgres@127.0.0.1:1/nowhere");
    FAIL() << "connected to port 1";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.code(), ErrorCode::unavailable);
    EXPECT_NE(message.find("127.0.0.1:1"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(PostgresStoreTest, EveryTableDescriptionMatchesTheMigratedSchema) {
  testing::TestDatabase database;
  open_store(database.uri())->migrate();
  postgres::PgConnection db(database.uri());
  testing::expect_every_description_matches(db);
}

TEST(PostgresStoreTest, MigrateSaysClearlyWhenPostgisMayNotBeCreated) {
  testing::TestDatabase database;
  postgres::PgConnection(database.uri())
      .execute("CREATE ROLE hci_plain LOGIN; GRANT ALL ON SCHEMA public TO hci_plain");
  const std::string plain = "postgresql://hci_plain@" + database.uri().substr(database.uri().find('@') + 1);
  try {
    open_store(plain)->migrate();
    FAIL() << "a role without CREATE EXTENSION rights installed PostGIS";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("PostGIS is not available"), std::string::npos) << e.what();
  }
  postgres::PgConnection(database.uri()).execute("DROP OWNED BY hci_plain; DROP ROLE hci_plain");
}

TEST(PostgresStoreTest, AnalysisModelsAndKeysRoundTrip) {
  testing::TestDatabase database;
  auto store = open_store(database.uri());
  store->migrate();
  pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
  const std::string version = store->find_dataset("")->version;
  store->save_analysis(version, {{"a", R"({"x":1})"}, {"b", "[]"}});
  store->save_analysis(version, {{"a", R"({"x":2})"}});
  ASSERT_EQ(store->load_analysis(version).size(), 1u);
  EXPECT_EQ(store->load_analysis(version)[0].json, R"({"x":2})");
  store->save_model(ModelRecord{"rating", "v1", version, "2026-01-01T00:00:00Z", "a", "{}", "{}", "{}", "{}", "art"});
  store->save_model(ModelRecord{"rating", "v2", version, "2026-01-02T00:00:00Z", "a", "{}", "{}", "{}", "{}", "art"});
  const auto models = store->current_models(version);
  ASSERT_EQ(models.size(), 1u);
  EXPECT_EQ(models[0].version, "v2");
  store->add_api_key(ApiKeyRecord{"k", "hci_ab", "hash", "read", "", ""});
  EXPECT_THROW(store->add_api_key(ApiKeyRecord{"k", "hci_cd", "hash2", "read", "", ""}), Error);
  EXPECT_TRUE(store->revoke_api_key("k"));
  EXPECT_FALSE(store->list_api_keys()[0].revoked_at.empty());
}

}  // namespace
}  // namespace hci::store
