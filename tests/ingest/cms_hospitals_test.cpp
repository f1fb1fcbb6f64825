#include "ingest/cms_hospitals.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

const std::string kCmsPath = std::string(HCI_SOURCE_DATA_DIR) + "/cms/Hospital_General_Information.csv";

struct Parsed {
  std::vector<Hospital> hospitals;
  QualityReport report;
};

Parsed parse_file(const std::string& path) {
  Parsed parsed;
  CsvReader reader(path, "cms.csv");
  read_cms_hospitals(reader, parsed.report, [&](Hospital& h) { parsed.hospitals.push_back(h); });
  return parsed;
}

// The real header and first data lines of the snapshot, for building damaged variants.
std::vector<std::string> real_lines(int count) {
  std::ifstream in(kCmsPath);
  std::vector<std::string> lines;
  std::string line;
  while (static_cast<int>(lines.size()) < count && std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// A real data line with field `index` replaced (the first lines have no quoted fields).
std::string with_field(const std::string& line, size_t index, const std::string& value) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (line.back() == ',') fields.emplace_back();
  fields.at(index) = value;
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
  return out;
}

Parsed parse_lines(const std::vector<std::string>& lines) {
  testing::TempDir dir;
  std::string content;
  for (const auto& line : lines) content += line + "\n";
  return parse_file(dir.write("cms.csv", content));
}

// Parses the header and the first `data_lines` real rows, with field `index` of the last row replaced.
Parsed parse_with_last_field(int data_lines, size_t index, const std::string& value) {
  auto lines = real_lines(data_lines + 1);
  lines.back() = with_field(lines.back(), index, value);
  return parse_lines(lines);
}

constexpr size_t kStateField = 4, kZipField = 5, kRatingField = 12, kIdField = 0;

}  // namespace

TEST(CmsHospitalsSnapshot, HasTheRealCountsOfTheCmsRelease) {
  Parsed parsed = parse_file(kCmsPath);
  ASSERT_EQ(parsed.hospitals.size(), 5421u);
  EXPECT_TRUE(parsed.report.quarantined().empty());
  std::map<std::string, int> by_type;
  std::map<int, int> by_rating;
  int rated = 0;
  for (const auto& h : parsed.hospitals) {
    ++by_type[h.type];
    if (h.rating) {
      ++rated;
      ++by_rating[*h.rating];
    }
  }
  EXPECT_EQ(rated, 2869);
  EXPECT_EQ(by_type["Acute Care Hospitals"], 3120);
  EXPECT_EQ(by_type["Critical Access Hospitals"], 1375);
  EXPECT_EQ(by_rating, (std::map<int, int>{{1, 229}, {2, 649}, {3, 937}, {4, 765}, {5, 289}}));
}

TEST(CmsHospitalsSnapshot, TypesEveryColumn) {
  Parsed parsed = parse_file(kCmsPath);
  const Hospital& first = parsed.hospitals.front();
  EXPECT_EQ(first.id, "010001");  // the CSV stored the CCN as the number 10001
  EXPECT_EQ(first.name, "SOUTHEAST HEALTH MEDICAL CENTER");
  EXPECT_EQ(first.zip, "36301");
  EXPECT_TRUE(first.emergency_services);
  EXPECT_TRUE(first.birthing_friendly);
  EXPECT_EQ(first.rating, 4);
  EXPECT_EQ(first.mortality.measures, 7);
  EXPECT_EQ(first.mortality.better, 0);
  EXPECT_EQ(first.mortality.no_different, 7);
  EXPECT_EQ(first.safety.better, 3);
  EXPECT_EQ(first.patient_experience.facility_measures, 8);
  EXPECT_FALSE(first.patient_experience.better);  // CMS publishes no comparisons for this group
  int padded_zips = 0, unrated_with_footnote = 0;
  for (const auto& h : parsed.hospitals) {
    EXPECT_EQ(h.zip.size(), 5u);
    EXPECT_EQ(h.id.size(), 6u);
    padded_zips += h.zip[0] == '0';
    unrated_with_footnote += !h.rating && !h.rating_footnote.empty();
  }
  EXPECT_GT(padded_zips, 300);  // New England, New Jersey, Puerto Rico
  EXPECT_EQ(unrated_with_footnote, 2552);
}

TEST(CmsHospitals, NonNumericRatingIsQuarantinedWithItsReason) {
  Parsed parsed = parse_with_last_field(2, kRatingField, "abc");
  EXPECT_EQ(parsed.hospitals.size(), 1u);
  ASSERT_EQ(parsed.report.quarantined().size(), 1u);
  const auto& row = parsed.report.quarantined()[0];
  EXPECT_EQ(row.line, 3);
  EXPECT_EQ(row.reason, "column 13 'Hospital overall rating': expected a whole number, got 'abc'");
}

TEST(CmsHospitals, RatingOutsideOneToFiveIsQuarantined) {
  Parsed parsed = parse_with_last_field(1, kRatingField, "6");
  ASSERT_EQ(parsed.report.quarantined().size(), 1u);
  EXPECT_EQ(parsed.report.quarantined()[0].reason, "column 13 'Hospital overall rating': expected 1..5, got '6'");
}

TEST(CmsHospitals, UnknownStateIsQuarantined) {
  Parsed parsed = parse_with_last_field(1, kStateField, "ZZ");
  ASSERT_EQ(parsed.report.quarantined().size(), 1u);
  EXPECT_EQ(parsed.report.quarantined()[0].reason, "column 5 'State': unknown state or territory 'ZZ'");
  EXPECT_EQ(parsed.report.findings()[0].rule, "reference");
}

TEST(CmsHospitals, DuplicateFacilityIdKeepsTheFirstAndQuarantinesTheSecond) {
  Parsed parsed = parse_with_last_field(2, kIdField, "10001");
  ASSERT_EQ(parsed.hospitals.size(), 1u);
  EXPECT_EQ(parsed.hospitals[0].name, "SOUTHEAST HEALTH MEDICAL CENTER");
  ASSERT_EQ(parsed.report.quarantined().size(), 1u);
  EXPECT_EQ(parsed.report.quarantined()[0].reason,
            "column 1 'Facility ID': duplicate Facility ID '010001' (first occurrence kept)");
}

TEST(CmsHospitals, RaggedRowIsQuarantined) {
  auto lines = real_lines(3);
  lines[2] = lines[2].substr(0, lines[2].rfind(','));
  Parsed parsed = parse_lines(lines);
  EXPECT_EQ(parsed.hospitals.size(), 1u);
  ASSERT_EQ(parsed.report.quarantined().size(), 1u);
  EXPECT_EQ(parsed.report.quarantined()[0].reason, "expected 38 fields as in the header, got 37");
}

TEST(CmsHospitals, FourDigitZipIsZeroPadded) {
  Parsed parsed = parse_with_last_field(1, kZipField, "6510");
  ASSERT_EQ(parsed.hospitals.size(), 1u);
  EXPECT_EQ(parsed.hospitals[0].zip, "06510");
}

TEST(CmsHospitals, MissingRequiredColumnsAreAllNamed) {
  auto lines = real_lines(2);
  lines[0].replace(lines[0].find("Facility ID"), 11, "Facility Key");
  lines[0].replace(lines[0].find("Hospital Type"), 13, "Kind");
  try {
    parse_lines(lines);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_STREQ(e.what(), "cms.csv:1:1: missing required columns 'Facility ID', 'Hospital Type'");
  }
}

TEST(CmsHospitals, NotAvailableBecomesNull) {
  Parsed parsed = parse_with_last_field(1, kRatingField, "Not Available");
  ASSERT_EQ(parsed.hospitals.size(), 1u);
  EXPECT_FALSE(parsed.hospitals[0].rating.has_value());
}

}  // namespace hci::ingest
