#include "ingest/quality_report.hpp"

#include <gtest/gtest.h>

namespace hci::ingest {

// A rule broken on every row of a large file is one finding: its count, and the first row's example.
TEST(QualityReport, FindingsCountEveryRowAndKeepTheFirstExample) {
  QualityReport report;
  int described = 0;
  for (int line = 2; line < 1002; ++line) {
    report.flag("cms_hospitals", "link", "beds", Severity::info, [&] {
      ++described;
      return "line " + std::to_string(line) + ": no HIFLD record matches";
    });
  }
  report.flag("cms_hospitals", "link", "beds", Severity::warning, std::string("line 7: another severity"));
  ASSERT_EQ(report.findings().size(), 2u);
  EXPECT_EQ(report.findings()[0].count, 1000);
  EXPECT_EQ(report.findings()[0].example, "line 2: no HIFLD record matches");
  EXPECT_EQ(described, 1) << "the example is built for the first row only";
  EXPECT_EQ(report.findings()[1].count, 1);
  EXPECT_EQ(report.findings()[1].example, "line 7: another severity");
  EXPECT_FALSE(report.has_errors());
}

}  // namespace hci::ingest
