#include "ingest/state_sources.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

constexpr const char* kHeader = "state_fips,state_abbr,state_name,year,indicator,value,unit,source\n";

std::vector<StateIndicator> read_indicators(const std::string& content, QualityReport& report) {
  testing::TempDir dir;
  CsvReader reader(dir.write("s.csv", content), "s.csv");
  std::vector<StateIndicator> items;
  read_state_indicators(reader, report, [&](StateIndicator& i) { items.push_back(i); });
  return items;
}

}  // namespace

TEST(StateIndicators, SnapshotPanelLoadsExceptCensoredValues) {
  QualityReport report;
  CsvReader reader(std::string(HCI_SOURCE_DATA_DIR) + "/states/state_indicators_long.csv", "panel.csv");
  std::vector<StateIndicator> items;
  read_state_indicators(reader, report, [&](StateIndicator& i) { items.push_back(i); });
  // KFF publishes "<.01" for tiny coverage shares: not a number, so quarantined, never guessed.
  EXPECT_EQ(report.quarantined().size(), 21u);
  EXPECT_EQ(items.size(), 15781u - 21u);
  EXPECT_NE(report.quarantined()[0].reason.find("'<.01'"), std::string::npos);
}

TEST(StateIndicators, ShareAboveOneIsOutOfRange) {
  QualityReport report;
  auto items = read_indicators(std::string(kHeader) + "48,TX,Texas,2019,uninsured_share,18.4,share,kff\n", report);
  EXPECT_TRUE(items.empty());
  ASSERT_EQ(report.quarantined().size(), 1u);
  EXPECT_EQ(report.quarantined()[0].reason, "column 6 'value': expected 0..1, got '18.4'");
}

TEST(StateIndicators, StateMustAgreeWithItsFips) {
  QualityReport report;
  auto items = read_indicators(std::string(kHeader) + "06,TX,Texas,2019,population,1,persons,census\n", report);
  EXPECT_TRUE(items.empty());
  ASSERT_EQ(report.quarantined().size(), 1u);
  EXPECT_EQ(report.quarantined()[0].reason, "column 1 'state_fips': FIPS '06' does not belong to TX (48)");
}

TEST(StateIndicators, YearOutsideRangeIsQuarantined) {
  QualityReport report;
  auto items = read_indicators(std::string(kHeader) + "48,TX,Texas,20199,population,1,persons,census\n", report);
  EXPECT_TRUE(items.empty());
  EXPECT_EQ(report.findings()[0].rule, "range");
}

TEST(StateUnemployment, ReadsMonthsAndRejectsMalformedDates) {
  testing::TempDir dir;
  QualityReport report;
  CsvReader reader(
      dir.write("u.csv",
                "state_fips,state_abbr,state_name,date,unemployment_rate_pct\n"
                "01,AL,Alabama,2000-01-01,4.7\n01,AL,Alabama,2000-13-01,4.7\n01,AL,Alabama,2000-02-01,140\n"),
      "u.csv");
  std::vector<StateUnemployment> items;
  read_state_unemployment(reader, report, [&](StateUnemployment& u) { items.push_back(u); });
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].month, "2000-01");
  EXPECT_EQ(report.quarantined().size(), 2u);
}

}  // namespace hci::ingest
