#include "ingest/source_ingest.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "support/counting_sink.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {

TEST(SnapshotIngest, LoadsEverySourceOfTheRealSnapshot) {
  testing::CountingSink sink;
  IngestResult result = ingest_sources(HCI_SOURCE_DATA_DIR, sink, nullptr);
  EXPECT_EQ(sink.hospitals.size(), 5421u);
  EXPECT_EQ(result.summary["rated"], 2869);
  EXPECT_EQ(sink.zips.size(), 42252u);
  EXPECT_EQ(sink.definitions, 69);
  EXPECT_EQ(sink.unemployment, 16167);
  EXPECT_GT(sink.measure_values, 100000);  // the fixture cut of the survey keeps a part of its rows
  EXPECT_EQ(result.summary["measure_values"], sink.measure_values);  // the server sizes its index by it
  EXPECT_EQ(result.report.sources().size(), required_sources().size());
  EXPECT_EQ(result.version.size(), 64u);
}

TEST(SnapshotIngest, GeocodesEveryHospitalByZip) {
  testing::CountingSink sink;
  IngestResult result = ingest_sources(HCI_SOURCE_DATA_DIR, sink, nullptr);
  for (const auto& h : sink.hospitals) ASSERT_TRUE(h.latitude && h.longitude) << h.id;
  EXPECT_DOUBLE_EQ(result.report.metrics().at("geocoded_pct"), 100.0);
  EXPECT_GT(result.report.metrics().at("county_fips_resolved_pct"), 95.0);
}

TEST(SnapshotIngest, LinksBedsOnlyThroughUnambiguousMatches) {
  testing::CountingSink sink;
  IngestResult result = ingest_sources(HCI_SOURCE_DATA_DIR, sink, nullptr);
  int with_beds = 0;
  for (const auto& h : sink.hospitals) {
    if (h.beds) {
      ++with_beds;
      EXPECT_TRUE(h.hifld_id) << h.id;
    }
  }
  EXPECT_EQ(with_beds, static_cast<int>(result.report.metrics().at("hospitals_with_beds")));
  EXPECT_GT(result.report.metrics().at("hifld_match_pct"), 45.0);
}

TEST(SnapshotIngest, VersionIsTheContentHash) {
  testing::CountingSink first, second;
  EXPECT_EQ(ingest_sources(HCI_SOURCE_DATA_DIR, first, nullptr).version,
            ingest_sources(HCI_SOURCE_DATA_DIR, second, nullptr).version);
}

TEST(SnapshotIngest, MissingSourceFileIsNamed) {
  testing::TempDir dir;
  testing::copy_snapshot(dir.path());
  std::filesystem::remove(dir.path() / "states/state_unemployment_monthly.csv");
  testing::CountingSink sink;
  try {
    ingest_sources(dir.path(), sink, nullptr);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
    EXPECT_NE(std::string(e.what()).find("states/state_unemployment_monthly.csv"), std::string::npos);
  }
}

}  // namespace hci::ingest
