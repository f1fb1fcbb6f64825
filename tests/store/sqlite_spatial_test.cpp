// Spatial queries of the SQLite store against a brute-force search over the same hospitals.

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/geo_distance.hpp"
#include "store/store.hpp"
#include "support/ingested_snapshot.hpp"

namespace hci {
namespace {

// 20 fixed points: cities, rural places, the territories, and points near the antimeridian and the poles.
const std::vector<GeoPoint> kPoints{{30.27, -97.74},   {40.71, -74.01},  {61.22, -149.90}, {21.31, -157.86},
                                    {18.47, -66.11},   {13.44, 144.79},  {64.84, -147.72}, {47.61, -122.33},
                                    {25.76, -80.19},   {44.98, -93.27},  {46.87, -113.99}, {71.29, -156.79},
                                    {-14.28, -170.70}, {39.74, -104.99}, {52.0, 179.9},    {43.5, -103.5},
                                    {32.3, -106.7},    {36.17, -115.14}, {0.0, 0.0},       {58.30, -134.42}};

std::vector<NearbyHospital> brute_force(GeoPoint p, bool emergency_only) {
  std::vector<NearbyHospital> all;
  for (const auto& h : testing::stored_hospitals()) {
    if (!h.latitude || (emergency_only && !h.emergency_services)) continue;
    all.push_back({h.id, great_circle_metres(p.latitude, p.longitude, *h.latitude, *h.longitude)});
  }
  std::sort(all.begin(), all.end(), [](const NearbyHospital& a, const NearbyHospital& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  });
  return all;
}

class SqliteSpatialTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> store_ = open_store(testing::ingested_store_uri());
  std::string version_ = store_->find_dataset("")->version;
};

TEST_F(SqliteSpatialTest, NearestKEqualsABruteForceSearchAtTwentyPoints) {
  for (bool emergency_only : {false, true}) {
    for (const auto& point : kPoints) {
      const auto expected = brute_force(point, emergency_only);
      const auto found = store_->nearest_hospitals(version_, point, 7, emergency_only);
      ASSERT_EQ(found.size(), 7u);
      for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].id, expected[i].id) << point.latitude << "," << point.longitude << " #" << i;
        EXPECT_NEAR(found[i].distance_m, expected[i].distance_m, 1e-6);
      }
    }
  }
}

TEST_F(SqliteSpatialTest, WithinRadiusReturnsExactlyTheHospitalsInsideNearestFirst) {
  for (double radius_km : {5.0, 50.0, 400.0}) {
    for (const auto& point : kPoints) {
      auto expected = brute_force(point, false);
      expected.erase(std::remove_if(expected.begin(), expected.end(),
                                    [&](const NearbyHospital& h) { return h.distance_m > radius_km * 1000; }),
                     expected.end());
      const auto found = store_->hospitals_within(version_, point, radius_km * 1000, false);
      ASSERT_EQ(found.size(), expected.size()) << point.latitude << "," << point.longitude << " r=" << radius_km;
      for (std::size_t i = 0; i < found.size(); ++i) EXPECT_EQ(found[i].id, expected[i].id);
    }
  }
}

TEST_F(SqliteSpatialTest, EveryZipGetsItsNearestEmergencyHospital) {
  const auto access = store_->zip_emergency_access(version_);
  ASSERT_EQ(access.size(), testing::stored_tables().zip_centroids.size());
  for (std::size_t i = 0; i < access.size(); i += 997) {  // a spread sample of ~43 ZIPs
    const auto expected = brute_force(access[i].point, true);
    EXPECT_EQ(access[i].hospital_id, expected.front().id) << access[i].zip;
    EXPECT_NEAR(access[i].distance_m, expected.front().distance_m, 1e-6);
  }
}

TEST_F(SqliteSpatialTest, AnUnknownVersionIsNotFound) {
  EXPECT_THROW(store_->nearest_hospitals("no-such-version", kPoints[0], 3, false), Error);
}

}  // namespace
}  // namespace hci
