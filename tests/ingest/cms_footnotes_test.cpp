#include "ingest/cms_footnotes.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/temp_dir.hpp"

namespace hci::ingest {
namespace {

std::vector<CmsFootnote> read_footnotes(CsvReader& reader, QualityReport& report) {
  std::vector<CmsFootnote> footnotes;
  read_cms_footnotes(reader, report, [&](CmsFootnote& f) { footnotes.push_back(f); });
  return footnotes;
}

TEST(CmsFootnotes, TheRealCrosswalkLoadsWhole) {
  QualityReport report;
  CsvReader reader(std::string(HCI_SOURCE_DATA_DIR) + "/cms/Footnote_Crosswalk.csv", "Footnote_Crosswalk.csv");
  const auto footnotes = read_footnotes(reader, report);
  ASSERT_EQ(footnotes.size(), 32u);  // 1..28, a, *, ** and ***
  EXPECT_TRUE(report.quarantined().empty());
  EXPECT_EQ(footnotes[0].code, "1");
  EXPECT_EQ(footnotes[0].text, "The number of cases/patients is too few to report.");
  EXPECT_EQ(footnotes.back().code, "***");
  const auto star =
      std::find_if(footnotes.begin(), footnotes.end(), [](const CmsFootnote& f) { return f.code == "*"; });
  ASSERT_NE(star, footnotes.end());
  EXPECT_NE(star->text.find("Total HAC score is dependent on the Domain 2 score."),
            std::string::npos);  // quoted, whole
}

TEST(CmsFootnotes, ARepeatedCodeOrAMissingTextIsQuarantined) {
  testing::TempDir dir;
  CsvReader reader(dir.write("f.csv", "\"Footnote\",\"Footnote Text\"\n1,First.\n1,Again.\n2,\n"), "f.csv");
  QualityReport report;
  const auto footnotes = read_footnotes(reader, report);
  ASSERT_EQ(footnotes.size(), 1u);
  EXPECT_EQ(footnotes[0].text, "First.");
  ASSERT_EQ(report.quarantined().size(), 2u);
  EXPECT_NE(report.quarantined()[0].reason.find("duplicate footnote code '1'"), std::string::npos);
  EXPECT_EQ(report.quarantined()[1].line, 4);
}

}  // namespace
}  // namespace hci::ingest
