#include "ingest/nchs_state_series.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

using Reader = void (*)(CsvReader&, QualityReport&, const std::function<void(StateIndicator&)>&);

std::vector<StateIndicator> read_with(Reader read, const std::string& content, QualityReport& report) {
  testing::TempDir dir;
  CsvReader reader(dir.write("s.csv", content), "s.csv");
  std::vector<StateIndicator> items;
  read(reader, report, [&](StateIndicator& i) { items.push_back(i); });
  return items;
}

constexpr const char* kInfantHeader = "\xEF\xBB\xBFYEAR,Location,Infant mortality rate,Deaths,URL\n";
constexpr const char* kCausesHeader = "Year,113 Cause Name,Cause Name,State,Deaths,Age-adjusted Death Rate\n";

}  // namespace

TEST(NchsInfantMortality, KeepsCdcsSuppressionAsNullWithItsReason) {
  QualityReport report;
  const auto items = read_with(read_nchs_infant_mortality,
                               std::string(kInfantHeader) +
                                   "2023,AL,7.64,442,/nchs/pressroom/states/alabama/al.htm\n"
                                   "2019,VT,Unreliable,15,/nchs/pressroom/states/vermont/vt.htm\n"
                                   "2021,VT,,17,/nchs/pressroom/states/vermont/vt.htm\n"
                                   "2023,District of Columbia,6.97,55,/nchs/pressroom/states/DC/DC1.htm\n",
                               report);
  ASSERT_EQ(items.size(), 8u);  // a rate and a death count per row
  EXPECT_EQ(items[0].indicator, "infant_mortality_rate");
  EXPECT_DOUBLE_EQ(*items[0].value, 7.64);
  EXPECT_DOUBLE_EQ(*items[1].value, 442);
  EXPECT_FALSE(items[2].value);
  EXPECT_EQ(items[2].missing_reason, "Unreliable");
  EXPECT_DOUBLE_EQ(*items[3].value, 15);  // the death count stays known
  EXPECT_EQ(items[4].missing_reason, "Not reported");
  EXPECT_EQ(items[6].state, "DC");
  EXPECT_TRUE(report.quarantined().empty());
}

TEST(NchsInfantMortality, ARateOfZeroBesideDeathsIsNotARate) {
  QualityReport report;
  const auto items =
      read_with(read_nchs_infant_mortality,
                std::string(kInfantHeader) + "2020,VT,0,18,/nchs/pressroom/states/vermont/vt.htm\n", report);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].value);
  EXPECT_EQ(items[0].missing_reason, "Rate 0 beside 18 deaths");
  ASSERT_EQ(report.findings().size(), 1u);
  EXPECT_EQ(report.findings()[0].rule, "consistency");
}

TEST(NchsInfantMortality, UnknownStateAndRepeatedYearAreQuarantined) {
  QualityReport report;
  const auto items =
      read_with(read_nchs_infant_mortality,
                std::string(kInfantHeader) + "2023,Atlantis,5,1,x\n2023,AL,7.64,442,x\n2023,AL,7.00,400,x\n", report);
  EXPECT_EQ(items.size(), 2u);
  ASSERT_EQ(report.quarantined().size(), 2u);
  EXPECT_NE(report.quarantined()[0].reason.find("unknown state 'Atlantis'"), std::string::npos);
  EXPECT_NE(report.quarantined()[1].reason.find("a second row for AL 2023"), std::string::npos);
}

TEST(NchsCausesOfDeath, ReadsThousandsSeparatorsInDeathsAndRates) {
  QualityReport report;
  const auto items = read_with(
      read_nchs_causes_of_death,
      std::string(kCausesHeader) +
          "2017,\"Accidents (unintentional injuries) (V01-X59,Y85-Y86)\",Unintentional injuries,United States,"
          "\"169,936\",49.4\n"
          "1999,All causes,All causes,West Virginia,\"21,049\",\"1,001.30\"\n",
      report);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].state, "US");
  EXPECT_EQ(items[0].indicator, "age_adjusted_death_rate_unintentional_injuries");
  EXPECT_DOUBLE_EQ(*items[0].value, 49.4);
  EXPECT_EQ(items[1].indicator, "deaths_unintentional_injuries");
  EXPECT_DOUBLE_EQ(*items[1].value, 169936);
  EXPECT_EQ(items[2].state, "WV");
  EXPECT_DOUBLE_EQ(*items[2].value, 1001.3);
  EXPECT_TRUE(report.quarantined().empty());
}

TEST(NchsCausesOfDeath, UnknownCauseIsQuarantinedWithItsName) {
  QualityReport report;
  const auto items =
      read_with(read_nchs_causes_of_death, std::string(kCausesHeader) + "2017,X,Boredom,Texas,\"1,000\",2.5\n", report);
  EXPECT_TRUE(items.empty());
  ASSERT_EQ(report.quarantined().size(), 1u);
  EXPECT_NE(report.quarantined()[0].reason.find("unknown cause 'Boredom'"), std::string::npos);
}

}  // namespace hci::ingest
