// The hospital measure files (HRRP, MSPB, HCAHPS, Medicare inpatient) read into the long catalogue and
// value tables: CMS's values exactly, missing words kept as reasons, and bad rows reported, never loaded.

#include <gtest/gtest.h>

#include "ingest/cms_patient_survey.hpp"
#include "ingest/cms_readmissions.hpp"
#include "ingest/cms_spending.hpp"
#include "ingest/field_parse.hpp"
#include "ingest/measure_file_support.hpp"
#include "ingest/medicare_inpatient.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {
namespace {

const std::string kHrrpHeader =
    "\"Facility Name\",\"Facility ID\",\"State\",\"Measure Name\",\"Number of Discharges\",\"Footnote\","
    "\"Excess Readmission Ratio\",\"Predicted Readmission Rate\",\"Expected Readmission Rate\","
    "\"Number of Readmissions\",\"Start Date\",\"End Date\"\n";

TEST(MeasureFiles, ReadmissionRatiosAreCmsValuesWithDischargesAndReasons) {
  QualityReport report;
  DatasetTables tables;
  CsvReader reader(kCms + "Hospital_Readmissions_Reduction_Program_Hospital.csv", "hrrp.csv");
  read_cms_readmissions(reader, report, real_references(), tables, 2025);
  EXPECT_TRUE(report.quarantined().empty());
  // SOUTHEAST HEALTH MEDICAL CENTER, heart failure: 681 eligible discharges, ratio 1.0597 as CMS prints it.
  const MeasureValue* hf = find_value(tables, "010001", "READM-30-HF-HRRP");
  ASSERT_NE(hf, nullptr);
  EXPECT_DOUBLE_EQ(*hf->value, 1.0597);
  EXPECT_DOUBLE_EQ(*hf->denominator, 681);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "READM-30-HF-HRRP-PREDICTED")->value, 21.5645);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "READM-30-HF-HRRP-READMISSIONS")->value, 151);
  // "Too Few to Report" and "N/A" stay missing, with CMS's word and footnote.
  const auto& values = tables.of<MeasureValue>();
  const auto too_few = std::count_if(values.begin(), values.end(),
                                     [](const MeasureValue& v) { return v.missing_reason == "Too Few to Report"; });
  EXPECT_GT(too_few, 3000);
  const auto not_given = std::find_if(values.begin(), values.end(), [](const MeasureValue& v) {
    return v.measure_id.ends_with("-HRRP") && v.missing_reason == "N/A";
  });
  ASSERT_NE(not_given, values.end());
  EXPECT_FALSE(not_given->value);
  EXPECT_FALSE(not_given->footnote.empty());
  // The catalogue: six conditions times four figures, with the period of the file.
  EXPECT_EQ(tables.of<HospitalMeasure>().size(), 24u);
  const HospitalMeasure* ratio = find_measure(tables, "READM-30-HF-HRRP");
  ASSERT_NE(ratio, nullptr);
  EXPECT_EQ(ratio->group, "readmission");
  EXPECT_EQ(ratio->direction, "lower_is_better");
  EXPECT_EQ(ratio->period_start, "2020-07-01");
  EXPECT_EQ(ratio->period_end, "2023-06-30");
}

TEST(MeasureFiles, BadMeasureRowsAreQuarantinedOrReportedNeverLoaded) {
  testing::TempDir dir;
  const std::string rows =
      "A,010001,AL,READM-30-HF-HRRP,681,,abc,21.5645,20.3495,151,07/01/2020,06/30/2023\n"  // not a ratio
      "B,999999,AL,READM-30-HF-HRRP,681,,1.0,21.5,20.3,151,07/01/2020,06/30/2023\n"        // unknown hospital
      "C,010005,AL,READM-30-HF-HRRP,100,,0,21.5,20.3,15,07/01/2020,06/30/2023\n"           // a ratio of 0
      "D,010005,AL,READM-30-XYZ-HRRP,100,,1.0,21.5,20.3,15,07/01/2020,06/30/2023\n"        // unknown measure
      "E,010005,AL,READM-30-AMI-HRRP,100,,1.0,21.5,20.3,15,07/01/2020,06/30/2023\n"        // kept
      "F,010005,AL,READM-30-AMI-HRRP,100,,1.1,21.5,20.3,15,07/01/2020,06/30/2023\n";       // a second value
  CsvReader reader(dir.write("hrrp.csv", kHrrpHeader + rows), "hrrp.csv");
  QualityReport report;
  DatasetTables tables;
  read_cms_readmissions(reader, report, real_references(), tables, 2025);
  ASSERT_EQ(tables.of<MeasureValue>().size(), 4u);  // row E's four figures
  EXPECT_DOUBLE_EQ(*find_value(tables, "010005", "READM-30-AMI-HRRP")->value, 1.0);
  ASSERT_EQ(report.quarantined().size(), 4u);
  EXPECT_EQ(report.quarantined()[0].line, 2);
  EXPECT_NE(report.quarantined()[0].reason.find("column 7 'Excess Readmission Ratio'"), std::string::npos);
  EXPECT_NE(report.quarantined()[0].reason.find("'abc'"), std::string::npos) << report.quarantined()[0].reason;
  EXPECT_NE(report.quarantined()[1].reason.find("must lie in (0"), std::string::npos) << report.quarantined()[1].reason;
  EXPECT_NE(report.quarantined()[2].reason.find("'READM-30-XYZ-HRRP' is not an HRRP measure id"), std::string::npos);
  EXPECT_NE(report.quarantined()[3].reason.find("a second value of READM-30-AMI-HRRP"), std::string::npos);
  const QualityFinding* unknown = find_finding(report, "cms_readmissions", "reference");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->count, 1);
  EXPECT_NE(unknown->example.find("'999999' is not a hospital"), std::string::npos);
}

TEST(MeasureFiles, SpendingPerBeneficiaryIsTheCmsRatio) {
  QualityReport report;
  DatasetTables tables;
  CsvReader reader(kCms + "Medicare_Hospital_Spending_Per_Patient-Hospital.csv", "mspb.csv");
  read_cms_spending(reader, report, real_references(), tables);
  EXPECT_TRUE(report.quarantined().empty());
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "MSPB-1")->value, 1.03);
  ASSERT_EQ(tables.of<HospitalMeasure>().size(), 1u);
  EXPECT_EQ(tables.of<HospitalMeasure>()[0].group, "spending");
  EXPECT_EQ(tables.of<HospitalMeasure>()[0].period_start, "2023-01-01");
}

TEST(MeasureFiles, PatientSurveyTakesTheValueItsIdNames) {
  QualityReport report;
  DatasetTables tables;
  CsvReader reader(kCms + "HCAHPS-Hospital.csv.gz", "hcahps.csv.gz");
  read_cms_patient_survey(reader, report, real_references(), tables);
  EXPECT_TRUE(report.quarantined().empty());
  const MeasureValue* always = find_value(tables, "010001", "H_COMP_1_A_P");
  ASSERT_NE(always, nullptr);
  EXPECT_DOUBLE_EQ(*always->value, 72);
  EXPECT_DOUBLE_EQ(*always->denominator, 669);
  const MeasureValue* stars = find_value(tables, "010001", "H_COMP_1_STAR_RATING");
  ASSERT_NE(stars, nullptr);
  ASSERT_TRUE(stars->value);
  EXPECT_GE(*stars->value, 1);
  EXPECT_LE(*stars->value, 5);
  EXPECT_EQ(find_measure(tables, "H_COMP_1_STAR_RATING")->unit, "stars");
  EXPECT_EQ(find_measure(tables, "H_COMP_1_LINEAR_SCORE")->unit, "score");
  EXPECT_EQ(find_measure(tables, "H_COMP_1_SN_P")->direction, "lower_is_better");
  EXPECT_EQ(find_measure(tables, "H_COMP_1_A_P")->name,
            "Patients who reported that their nurses \"Always\" communicated well");
  EXPECT_EQ(tables.of<HospitalMeasure>().size(), 93u);
  // A survey item CMS did not report keeps its word and a footnote saying why.
  const auto& values = tables.of<MeasureValue>();
  const auto missing = std::find_if(values.begin(), values.end(),
                                    [](const MeasureValue& v) { return v.missing_reason == "Not Available"; });
  ASSERT_NE(missing, values.end());
  EXPECT_FALSE(missing->footnote.empty());
}

TEST(MeasureFiles, MedicareInpatientAmountsLoseTheirSeparatorsAndNamesAreRepaired) {
  QualityReport report;
  DatasetTables tables;
  CsvReader reader(kCms + "Medicare_IP_Hospitals_by_Provider_2023.csv", "ip.csv", InvalidUtf8::repair_windows1252);
  read_medicare_inpatient(reader, report, real_references(), tables, 2023);
  EXPECT_TRUE(report.quarantined().empty());
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "MEDICARE-IP-MEDICARE-PAYMENT")->value, 50914956);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "MEDICARE-IP-DISCHARGES")->value, 4059);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "MEDICARE-IP-PAYMENT-PER-DISCHARGE")->value, 50914956.0 / 4059);
  EXPECT_DOUBLE_EQ(*find_value(tables, "010001", "MEDICARE-IP-RISK-SCORE")->value, 2.005);
  EXPECT_EQ(find_measure(tables, "MEDICARE-IP-DISCHARGES")->period_end, "2023-12-31");
  const QualityFinding* repaired = find_finding(report, "medicare_inpatient", "encoding");
  ASSERT_NE(repaired, nullptr);
  EXPECT_EQ(repaired->count, 5);  // the five UCI Health and Baylor Scott & White names with a Windows-1252 dash
  EXPECT_NE(find_value(tables, "050551", "MEDICARE-IP-DISCHARGES"), nullptr);
}

TEST(MeasureFiles, CmsAmountsAndDatesParseStrictly) {
  EXPECT_DOUBLE_EQ(*to_amount("$50,914,956"), 50914956);
  EXPECT_DOUBLE_EQ(*to_amount("4,059"), 4059);
  EXPECT_DOUBLE_EQ(*to_amount("1,234.5"), 1234.5);
  EXPECT_DOUBLE_EQ(*to_amount("0.9483"), 0.9483);
  EXPECT_FALSE(to_amount("1,00"));
  EXPECT_FALSE(to_amount(",100"));
  EXPECT_FALSE(to_amount("12,34,567"));
  EXPECT_FALSE(to_amount("abc"));
  EXPECT_EQ(cms_missing_word(" Too Few to Report "), "Too Few to Report");
  EXPECT_EQ(cms_missing_word("N/A"), "N/A");
  EXPECT_TRUE(cms_missing_word("0").empty());
  EXPECT_EQ(*us_date_to_iso("07/01/2020"), "2020-07-01");
  EXPECT_FALSE(us_date_to_iso("2020-07-01"));
  EXPECT_FALSE(us_date_to_iso("13/01/2020"));
}

}  // namespace
}  // namespace hci::ingest
