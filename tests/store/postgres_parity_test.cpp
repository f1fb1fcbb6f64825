// The real snapshot ingested into SQLite and into PostgreSQL gives the same answers: the same records,
// the same counts by state, type and rating, the same indicators, and the same hospitals in the same order
// for spatial queries at 20 fixed points (distances within 1 m).

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/dataset_tables.hpp"
#include "pipeline/analyze_dataset.hpp"
#include "pipeline/load_snapshot.hpp"
#include "store/record_codec.hpp"
#include "store/sqlite/connection.hpp"
#include "support/ingested_snapshot.hpp"
#include "support/postgres_server.hpp"

namespace hci {
namespace {

const std::vector<GeoPoint> kPoints{{30.27, -97.74},   {40.71, -74.01},  {61.22, -149.90}, {21.31, -157.86},
                                    {18.47, -66.11},   {13.44, 144.79},  {64.84, -147.72}, {47.61, -122.33},
                                    {25.76, -80.19},   {44.98, -93.27},  {46.87, -113.99}, {71.29, -156.79},
                                    {-14.28, -170.70}, {39.74, -104.99}, {52.0, 179.9},    {43.5, -103.5},
                                    {32.3, -106.7},    {36.17, -115.14}, {0.0, 0.0},       {58.30, -134.42}};

class PostgresParityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database = new testing::TestDatabase();
    postgres = open_store(database->uri()).release();
    postgres->migrate();
    load_snapshot(*postgres, HCI_SNAPSHOT_DIR, {});
    sqlite = open_store(testing::ingested_store_uri()).release();
    version = new std::string(sqlite->find_dataset("")->version);
  }
  static void TearDownTestSuite() {
    delete postgres;
    delete sqlite;
    delete database;
    delete version;
  }

  // The rows of a grouping query on both databases, as "key=count" lines.
  static std::vector<std::string> grouped(const std::string& column) {
    const std::string sql = "SELECT coalesce(CAST(" + column +
                            " AS TEXT), 'null'), count(*) FROM hospitals h JOIN datasets d"
                            " ON d.id = h.dataset_id WHERE d.is_current GROUP BY 1 ORDER BY 1";
    std::vector<std::string> lite, pg;
    sqlite::Connection connection(testing::ingested_store_uri().substr(7), OpenMode::must_exist);
    auto query = connection.prepare(sql);
    while (query.step()) lite.push_back(query.column_text(0) + "=" + query.column_text(1));
    const auto result = pg::Connection(database->uri()).query(sql);
    for (int row = 0; row < result.rows(); ++row) pg.push_back(result.text(row, 0) + "=" + result.text(row, 1));
    EXPECT_EQ(lite, pg) << column;
    return lite;
  }

  static testing::TestDatabase* database;
  static Store* postgres;
  static Store* sqlite;
  static std::string* version;
};

testing::TestDatabase* PostgresParityTest::database = nullptr;
Store* PostgresParityTest::postgres = nullptr;
Store* PostgresParityTest::sqlite = nullptr;
std::string* PostgresParityTest::version = nullptr;

template <typename Record>
std::vector<TextRow> rows_of(const std::vector<Record>& records) {
  std::vector<TextRow> rows;
  for (const auto& record : records) rows.push_back(to_row(record));
  return rows;
}

TEST_F(PostgresParityTest, BothStoresHoldTheSameVersionAndEveryRecord) {
  ASSERT_EQ(postgres->find_dataset("")->version, *version);
  DatasetTables lite, pg;
  sqlite->read_dataset(*version, lite);
  postgres->read_dataset(*version, pg);
  EXPECT_EQ(rows_of(lite.hospitals), rows_of(pg.hospitals));
  EXPECT_EQ(rows_of(lite.zip_centroids), rows_of(pg.zip_centroids));
  EXPECT_EQ(rows_of(lite.counties), rows_of(pg.counties));
  EXPECT_EQ(rows_of(lite.state_indicators), rows_of(pg.state_indicators));
  EXPECT_EQ(rows_of(lite.unemployment), rows_of(pg.unemployment));
  EXPECT_EQ(rows_of(lite.area_measures), rows_of(pg.area_measures));
  EXPECT_EQ(rows_of(lite.measure_definitions), rows_of(pg.measure_definitions));
  EXPECT_EQ(postgres->quarantined_rows(*version, 100).size(), sqlite->quarantined_rows(*version, 100).size());
}

TEST_F(PostgresParityTest, CountsByStateTypeAndRatingAgree) {
  EXPECT_EQ(grouped("state_code").size(), 56u);
  EXPECT_EQ(grouped("type").size(), 8u);
  const auto ratings = grouped("rating");
  EXPECT_EQ(ratings, (std::vector<std::string>{"1=229", "2=649", "3=937", "4=765", "5=289", "null=2552"}));
}

TEST_F(PostgresParityTest, NearestHospitalsAreTheSameInTheSameOrder) {
  for (bool emergency_only : {false, true}) {
    for (const auto& point : kPoints) {
      const auto a = sqlite->nearest_hospitals(*version, point, 7, emergency_only);
      const auto b = postgres->nearest_hospitals(*version, point, 7, emergency_only);
      ASSERT_EQ(a.size(), b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].id, b[i].id) << point.latitude << "," << point.longitude << " #" << i;
        EXPECT_NEAR(a[i].distance_m, b[i].distance_m, 1.0);
      }
    }
  }
}

TEST_F(PostgresParityTest, HospitalsWithinARadiusAreTheSame) {
  for (double radius_km : {10.0, 75.0, 400.0}) {
    for (const auto& point : kPoints) {
      const auto a = sqlite->hospitals_within(*version, point, radius_km * 1000, false);
      const auto b = postgres->hospitals_within(*version, point, radius_km * 1000, false);
      ASSERT_EQ(a.size(), b.size()) << point.latitude << "," << point.longitude << " r=" << radius_km;
      for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].id, b[i].id);
    }
  }
}

TEST_F(PostgresParityTest, EveryZipHasTheSameNearestEmergencyHospital) {
  const auto a = sqlite->zip_emergency_access(*version);
  const auto b = postgres->zip_emergency_access(*version);
  ASSERT_EQ(a.size(), b.size());
  std::size_t different = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].zip, b[i].zip);
    different += a[i].hospital_id != b[i].hospital_id ? 1 : 0;
    EXPECT_NEAR(a[i].distance_m, b[i].distance_m, 1.0) << a[i].zip;
  }
  EXPECT_EQ(different, 0u);
}

TEST_F(PostgresParityTest, AnalysisOnEitherStoreGivesTheSameTablesAndCorrelations) {
  analyze_dataset(*sqlite, "");
  analyze_dataset(*postgres, "");
  std::map<std::string, std::string> lite, pg;
  for (const auto& d : sqlite->load_analysis(*version)) lite[d.name] = d.json;
  for (const auto& d : postgres->load_analysis(*version)) pg[d.name] = d.json;
  ASSERT_EQ(lite.size(), pg.size());
  for (const char* name :
       {"state_table", "county_table", "correlations_state_pearson", "correlations_county_spearman"}) {
    EXPECT_EQ(lite.at(name), pg.at(name)) << name;
  }
}

}  // namespace
}  // namespace hci
