// The payment program files of the July 2024 archive (HAC Reduction FY2024, Value-Based Purchasing
// FY2024) read into the measure catalogue: CMS's figures exactly, with the program year, CMS's own
// verdicts, and bad rows reported, never loaded.

#include <gtest/gtest.h>

#include "ingest/cms_hac.hpp"
#include "ingest/cms_value_based_purchasing.hpp"
#include "ingest/measure_file_support.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {
namespace {

const std::string kArchive = kCms + "archive_2024-07/";

TEST(ProgramMeasureFiles, HacFiguresAreCmsValuesWithThePaymentVerdict) {
  QualityReport report;
  DatasetTables tables;
  CsvReader reader(kArchive + "FY_2024_HAC_Reduction_Program_Hospital.csv", "hac.csv");
  read_cms_hac(reader, report, real_references(), tables);
  EXPECT_TRUE(report.quarantined().empty());
  // SOUTHEAST HEALTH MEDICAL CENTER: PSI 90 1.1140, CLABSI SIR 1.136, Total HAC Score 0.2040, no reduction.
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "HAC-PSI-90")->value, 1.114);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "HAC-CLABSI-SIR")->value, 1.136);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "HAC-CAUTI-SIR-WZ")->value, -0.4856);
  const MeasureValue* total = find_value(tables, "010001", "HAC-TOTAL-SCORE");
  ASSERT_NE(total, nullptr);
  EXPECT_DOUBLE_EQ(*total->value, 0.204);
  EXPECT_EQ(total->comparison, "Payment reduction: No");
  // An infection ratio of 0 is a real value (no infections), not a missing one.
  const auto& values = tables.of<MeasureValue>();
  EXPECT_TRUE(std::any_of(values.begin(), values.end(),
                          [](const MeasureValue& v) { return v.measure_id == "HAC-CLABSI-SIR" && v.value == 0.0; }));
  // The catalogue: six components with their z-scores and the total, of FY2024, over their own dates.
  EXPECT_EQ(tables.of<HospitalMeasure>().size(), 13u);
  const HospitalMeasure* clabsi = find_measure(tables, "HAC-CLABSI-SIR");
  ASSERT_NE(clabsi, nullptr);
  EXPECT_EQ(clabsi->fiscal_year, 2024);
  EXPECT_EQ(clabsi->period_start, "2022-01-01");
  EXPECT_EQ(find_measure(tables, "HAC-PSI-90")->period_start, "2021-01-01");
  EXPECT_EQ(find_measure(tables, "HAC-TOTAL-SCORE")->period_end, "2022-12-31");
  // Hospitals that closed since (in the program file, not in Hospital General Information) are counted.
  const QualityFinding* closed = find_finding(report, "cms_hac", "reference");
  ASSERT_NE(closed, nullptr);
  EXPECT_GT(closed->count, 50);
}

TEST(ProgramMeasureFiles, VbpPerformanceRatesCarryCmsPointsAndTheProgramYear) {
  DatasetTables tables;
  QualityReport report;
  CsvReader outcomes(kArchive + "hvbp_clinical_outcomes.csv", "outcomes.csv");
  read_cms_value_based_purchasing(outcomes, report, real_references(), tables, VbpFile::clinical_outcomes);
  CsvReader engagement(kArchive + "hvbp_person_and_community_engagement.csv", "engagement.csv");
  read_cms_value_based_purchasing(engagement, report, real_references(), tables, VbpFile::engagement);
  CsvReader total(kArchive + "hvbp_tps.csv", "tps.csv");
  read_cms_value_based_purchasing(total, report, real_references(), tables, VbpFile::total_performance);
  EXPECT_TRUE(report.quarantined().empty());
  const MeasureValue* mortality = find_value(tables, "010001", "MORT-30-AMI");
  ASSERT_NE(mortality, nullptr);
  EXPECT_DOUBLE_EQ(*mortality->value, 0.880237);
  EXPECT_EQ(mortality->comparison, "VBP measure score: 7 out of 10");
  // Percents written with a "%" are read as percents; a bare dimension score is out of 10.
  const MeasureValue* nurses = find_value(tables, "010001", "VBP-HCAHPS-NURSES");
  ASSERT_NE(nurses, nullptr);
  EXPECT_DOUBLE_EQ(*nurses->value, 73.8343);
  EXPECT_EQ(nurses->comparison, "VBP dimension score: 0 out of 10");
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "VBP-TPS")->value, 15.583333333333);
  const HospitalMeasure* survival = find_measure(tables, "MORT-30-AMI");
  ASSERT_NE(survival, nullptr);
  EXPECT_EQ(survival->group, "mortality");
  EXPECT_EQ(survival->direction, "higher_is_better");
  EXPECT_EQ(survival->fiscal_year, 2024);
  EXPECT_TRUE(survival->period_start.empty());  // the VBP files give no measurement dates
  EXPECT_EQ(find_measure(tables, "VBP-TPS")->group, "value_based_purchasing");
}

TEST(ProgramMeasureFiles, BadProgramRowsAreQuarantinedNeverLoaded) {
  testing::TempDir dir;
  const std::string header = "\"Fiscal Year\",\"Facility ID\",\"MSPB-1 Performance Rate\",\"MSPB-1 Measure Score\"\n";
  const std::string rows =
      "2024,010001,abc,0 out of 10\n"              // not a ratio
      "FY24,010005,0.95,3 out of 10\n"             // not a fiscal year
      "2024,010006,Not Available,Not Available\n"  // kept, missing with CMS's word
      "2024,010007,0.97,2 out of 10\n";            // kept
  CsvReader reader(dir.write("efficiency.csv", header + rows), "efficiency.csv");
  QualityReport report;
  DatasetTables tables;
  read_cms_value_based_purchasing(reader, report, real_references(), tables, VbpFile::efficiency);
  ASSERT_EQ(tables.of<MeasureValue>().size(), 2u);
  EXPECT_EQ(find_value(tables, "010006", "MSPB-1-VBP")->missing_reason, "Not Available");
  EXPECT_TRUE(find_value(tables, "010006", "MSPB-1-VBP")->comparison.empty());
  EXPECT_DOUBLE_EQ(*find_value(tables, "010007", "MSPB-1-VBP")->value, 0.97);
  ASSERT_EQ(report.quarantined().size(), 2u);
  EXPECT_NE(report.quarantined()[0].reason.find("'abc'"), std::string::npos) << report.quarantined()[0].reason;
  EXPECT_NE(report.quarantined()[1].reason.find("expected a fiscal year, got 'FY24'"), std::string::npos)
      << report.quarantined()[1].reason;
}

}  // namespace
}  // namespace hci::ingest
