#include "ingest/place_sources.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

std::vector<ZipCentroid> read_zips(const std::string& content, QualityReport& report) {
  testing::TempDir dir;
  CsvReader reader(dir.write("z.csv", content), "z.csv");
  std::vector<ZipCentroid> zips;
  read_zip_centroids(reader, report, [&](ZipCentroid& z) { zips.push_back(z); });
  return zips;
}

constexpr const char* kZipHeader = "zip,latitude,longitude,city,state,coord_source\n";

}  // namespace

TEST(ZipCentroids, SnapshotQuarantinesOnlyTheTwoFlippedLongitudes) {
  QualityReport report;
  CsvReader reader(std::string(HCI_SOURCE_DATA_DIR) + "/geo/zip_centroids.csv", "zip_centroids.csv");
  int loaded = 0;
  read_zip_centroids(reader, report, [&](ZipCentroid&) { ++loaded; });
  EXPECT_EQ(loaded, 42252);
  ASSERT_EQ(report.quarantined().size(), 2u);
  EXPECT_NE(report.quarantined()[0].reason.find("outside the US and territories"), std::string::npos);
}

TEST(ZipCentroids, MilitaryZipsKeepTheirOverseasCoordinates) {
  QualityReport report;
  auto zips = read_zips(std::string(kZipHeader) + "09001,38.1105,15.6613,Apo,AE,federalgovernmentzipcodes\n", report);
  ASSERT_EQ(zips.size(), 1u);
  EXPECT_TRUE(report.quarantined().empty());
}

TEST(ZipCentroids, NonNumericLatitudeIsQuarantined) {
  QualityReport report;
  auto zips = read_zips(std::string(kZipHeader) + "10001,north,-73.9,New York,NY,x\n", report);
  EXPECT_TRUE(zips.empty());
  ASSERT_EQ(report.quarantined().size(), 1u);
  EXPECT_EQ(report.quarantined()[0].reason, "column 2 'latitude': expected a number, got 'north'");
}

TEST(UrbanRuralCodes, PadsFipsAndReadsEveryVintage) {
  QualityReport report;
  CsvReader reader(std::string(HCI_SOURCE_DATA_DIR) + "/counties/NCHSurb-rural-codes.csv", "nchs.csv");
  std::vector<County> counties;
  read_urban_rural_codes(reader, report, [&](County& c) { counties.push_back(c); });
  ASSERT_EQ(counties.size(), 3160u);
  EXPECT_EQ(counties[0].fips, "01001");
  EXPECT_EQ(counties[0].name, "Autauga County");
  EXPECT_EQ(counties[0].urban_rural_2023, 3);
  int without_2023 = 0;
  for (const auto& c : counties) without_2023 += !c.urban_rural_2023;
  EXPECT_EQ(without_2023, 16);
}

}  // namespace hci::ingest
