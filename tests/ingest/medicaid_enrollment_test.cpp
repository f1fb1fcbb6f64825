#include "ingest/medicaid_enrollment.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "ingest/medicaid_enrollment_panel.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

// The real file's header and its first rows (AK 2013-09 and the Preliminary and Updated 2017-06 reports).
std::string real_head(int rows) {
  std::ifstream in(std::string(HCI_SOURCE_DATA_DIR) + "/states/medicaid_chip_applications_eligibility_enrollment.csv");
  std::string text, line;
  for (int i = 0; i <= rows && std::getline(in, line); ++i) text += line + "\n";
  return text;
}

std::vector<MedicaidEnrollment> read(const std::string& content, QualityReport& report) {
  testing::TempDir dir;
  CsvReader reader(dir.write("m.csv", content), "m.csv");
  std::vector<MedicaidEnrollment> items;
  read_medicaid_enrollment(reader, report, [&](MedicaidEnrollment& m) { items.push_back(m); });
  return items;
}

}  // namespace

TEST(MedicaidEnrollment, TheUpdatedReportWinsOverThePreliminaryOne) {
  QualityReport report;
  const auto items = read(real_head(3), report);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].month, "2013-09");
  EXPECT_DOUBLE_EQ(*items[0].total_enrollment, 122334);
  EXPECT_FALSE(items[0].medicaid_enrollment);  // empty in the baseline report: null, not 0
  EXPECT_EQ(items[1].month, "2017-06");
  EXPECT_TRUE(items[1].updated);
  EXPECT_TRUE(items[1].expanded);
  EXPECT_DOUBLE_EQ(*items[1].total_enrollment, 194534);  // the Updated figure, not the Preliminary 191171
  EXPECT_NE(items[1].footnotes.find("New Applications Submitted to Medicaid and CHIP Agencies: Includes Renewals"),
            std::string::npos);
  EXPECT_TRUE(report.quarantined().empty());
}

TEST(MedicaidEnrollment, ASecondReportOfTheSameKindIsQuarantined) {
  QualityReport report;
  const std::string head = real_head(3);
  const std::string last_row = head.substr(head.rfind('\n', head.size() - 2) + 1);
  const auto items = read(head + last_row, report);
  EXPECT_EQ(items.size(), 2u);
  ASSERT_EQ(report.quarantined().size(), 1u);
  EXPECT_NE(report.quarantined()[0].reason.find("a second Updated report for AK 2017-06"), std::string::npos);
}

TEST(MedicaidEnrollment, MalformedPeriodAndFlagAreNamed) {
  QualityReport report;
  std::string head = real_head(1);
  const std::string row = head.substr(head.find('\n') + 1);
  std::string bad = row;
  bad.replace(bad.find("201309"), 6, "2013-9");
  const auto items = read(head.substr(0, head.find('\n') + 1) + bad, report);
  EXPECT_TRUE(items.empty());
  ASSERT_EQ(report.quarantined().size(), 1u);
  EXPECT_NE(report.quarantined()[0].reason.find("expected a reporting period YYYYMM, got '2013-9'"), std::string::npos);
}

TEST(MedicaidEnrollmentPanel, YearlyMeanPer100ResidentsAndExpansionAtYearEnd) {
  MedicaidEnrollmentPanel panel;
  StateIndicator population;
  population.state = "AK";
  population.year = 2018;
  population.indicator = "coverage_total_population";
  population.value = 200000;
  panel.add_population(population);
  MedicaidEnrollment month;
  month.state = "AK";
  month.month = "2018-01";
  month.total_enrollment = 100;
  panel.add(month);
  month.month = "2018-12";
  month.total_enrollment = 300;
  month.expanded = true;
  panel.add(month);
  std::map<std::string, double> values;
  for (const auto& indicator : panel.indicators()) values[indicator.indicator] = *indicator.value;
  EXPECT_DOUBLE_EQ(values.at("medicaid_chip_enrollment"), 200);
  EXPECT_DOUBLE_EQ(values.at("medicaid_chip_enrollment_per_100"), 0.1);
  EXPECT_DOUBLE_EQ(values.at("medicaid_expanded"), 1);
  EXPECT_EQ(values.count("medicaid_enrollment"), 0u);  // no month reported it
}

}  // namespace hci::ingest
