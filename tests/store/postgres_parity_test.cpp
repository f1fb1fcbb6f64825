// The real snapshot ingested into SQLite and into PostgreSQL gives the same answers: the same records of
// every record type, the same counts by state, type and rating, the same analysis, and for every ZIP the
// same nearest emergency hospital from PostGIS's GIST index as from SQLite's in-memory grid (within 1 m).

#include <gtest/gtest.h>

#include <cmath>
#include <iomanip>
#include <map>
#include <sstream>

#include "core/dataset_tables.hpp"
#include "pipeline/analyze_dataset.hpp"
#include "pipeline/load_sources.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/tables/record_tables.hpp"
#include "support/ingested_store.hpp"
#include "support/postgres_server.hpp"

namespace hci::store {
namespace {

class PostgresParityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database = new testing::TestDatabase();
    postgres = open_store(database->uri()).release();
    postgres->migrate();
    pipeline::load_sources(*postgres, HCI_SOURCE_DATA_DIR, {});
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
    sqlite::SqliteConnection sqlite_connection(testing::ingested_store_uri().substr(7), OpenMode::must_exist);
    postgres::PgConnection pg_connection(database->uri());
    for_each_row(sqlite_connection, sql, {},
                 [&](const SqlRow& row) { lite.push_back(row.string(0) + "=" + row.string(1)); });
    for_each_row(pg_connection, sql, {}, [&](const SqlRow& row) { pg.push_back(row.string(0) + "=" + row.string(1)); });
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

// A cell as text: NULL as \N, numbers in their shortest exact form.
std::string cell_text(const SqlValue& cell) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return "\\N";
        } else if constexpr (std::is_same_v<T, std::string_view>) {
          return std::string(v);
        } else {
          std::ostringstream out;
          out << std::setprecision(17) << v;
          return out.str();
        }
      },
      cell.get());
}

// Every record as the tab-separated cells of its table row.
template <typename Record>
std::vector<std::string> rows_of(const std::vector<Record>& records) {
  std::vector<std::string> rows;
  std::vector<SqlValue> cells;
  for (const auto& record : records) {
    cells.clear();
    record_table<Record>().append_cells(record, cells);
    std::string row;
    for (const auto& cell : cells) row += cell_text(cell) + "\t";
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST_F(PostgresParityTest, BothStoresHoldTheSameVersionAndEveryRecord) {
  ASSERT_EQ(postgres->find_dataset("")->version, *version);
  DatasetTables lite, pg;
  sqlite->read_dataset(*version, lite);
  postgres->read_dataset(*version, pg);
  DatasetRecords::for_each([&]<typename Record>() {
    EXPECT_FALSE(lite.of<Record>().empty()) << record_table<Record>().description().name;
    EXPECT_EQ(rows_of(lite.of<Record>()), rows_of(pg.of<Record>())) << record_table<Record>().description().name;
  });
  EXPECT_EQ(postgres->quarantined_rows(*version, 100).size(), sqlite->quarantined_rows(*version, 100).size());
}

TEST_F(PostgresParityTest, CountsByStateTypeAndRatingAgree) {
  EXPECT_EQ(grouped("state_code").size(), 56u);
  EXPECT_EQ(grouped("type").size(), 8u);
  const auto ratings = grouped("rating");
  EXPECT_EQ(ratings, (std::vector<std::string>{"1=229", "2=649", "3=937", "4=765", "5=289", "null=2552"}));
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
    EXPECT_EQ(a[i].county_fips, b[i].county_fips) << a[i].zip;
  }
  EXPECT_EQ(different, 0u);
}

TEST_F(PostgresParityTest, AnalysisOnEitherStoreGivesTheSameTablesAndCorrelations) {
  pipeline::analyze_dataset(*sqlite, "");
  pipeline::analyze_dataset(*postgres, "");
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
}  // namespace hci::store
