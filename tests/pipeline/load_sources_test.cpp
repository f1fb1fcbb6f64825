#include "pipeline/load_sources.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace hci::pipeline {

namespace {

struct LoadSnapshotTest : ::testing::Test {
  testing::TempDir dir;
  std::unique_ptr<store::Store> opened = store::open_store("sqlite:" + (dir.path() / "hci.db").string());
  store::Store& store = *opened;
};

}  // namespace

TEST_F(LoadSnapshotTest, StrictLoadWithErrorsLoadsNothing) {
  const std::string previous = load_sources(store, HCI_SOURCE_DATA_DIR, {}).result.version;
  auto changed = dir.path() / "snapshot";
  testing::copy_snapshot(changed);
  std::ofstream(changed / "cms/Hospital_General_Information.csv", std::ios::app)
      << "999999,BROKEN,1 MAIN ST,X,ZZ,12345,X,(000) 000-0000,Acute Care "
         "Hospitals,Proprietary,Yes,,9,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  LoadOptions strict;
  strict.strict = true;
  try {
    load_sources(store, changed, strict);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_NE(std::string(e.what()).find("nothing was loaded"), std::string::npos);
  }
  EXPECT_EQ(store.find_dataset("")->version, previous);
  EXPECT_EQ(store.list_datasets().size(), 1u);
}

TEST_F(LoadSnapshotTest, LenientLoadQuarantinesTheBadRowAndLoadsTheRest) {
  auto changed = dir.path() / "snapshot";
  testing::copy_snapshot(changed);
  std::ofstream(changed / "cms/Hospital_General_Information.csv", std::ios::app)
      << "999999,BROKEN,1 MAIN ST,X,ZZ,12345,X,(000) 000-0000,Acute Care "
         "Hospitals,Proprietary,Yes,,9,,,,,,,,,,,,,,,,,,,,,,,,,\n";
  LoadOutcome outcome = load_sources(store, changed, {});
  EXPECT_EQ(outcome.result.summary["hospitals"], 5421);
  auto rows = store.quarantined_rows(outcome.result.version, 100);
  auto broken = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.source == "cms_hospitals"; });
  ASSERT_NE(broken, rows.end());
  EXPECT_EQ(broken->line, 5423);
  EXPECT_EQ(broken->reason, "column 5 'State': unknown state or territory 'ZZ' (and 1 more)");
}

TEST_F(LoadSnapshotTest, ReportIsOfferedBeforeTheCommit) {
  bool seen = false;
  LoadOptions options;
  options.on_report = [&](const ingest::IngestResult& result) {
    seen = true;
    EXPECT_EQ(result.report.sources().size(), ingest::required_sources().size());
    EXPECT_FALSE(store.find_dataset(""));  // not committed yet
  };
  load_sources(store, HCI_SOURCE_DATA_DIR, options);
  EXPECT_TRUE(seen);
}

}  // namespace hci::pipeline
