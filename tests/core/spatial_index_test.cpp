#include "core/spatial_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/geo_distance.hpp"
#include "support/ingested_store.hpp"

namespace hci {

TEST(SpatialIndexTest, NearestEqualsABruteForceSearchAcrossTheUsAndTerritories) {
  const auto& hospitals = testing::stored_hospitals();
  const SpatialIndex index(hospitals);
  const std::vector<std::pair<double, double>> points{
      {30.27, -97.74}, {40.71, -74.01},  {61.22, -149.90},  {21.31, -157.86}, {18.47, -66.11},
      {13.44, 144.79}, {64.84, -147.72}, {47.61, -122.33},  {25.76, -80.19},  {44.98, -93.27},
      {0.0, 0.0},      {71.29, -156.79}, {-14.28, -170.70}, {39.74, -104.99}, {35.0, -179.9},
      {48.0, -68.5},   {32.3, -106.7},   {36.17, -115.14},  {46.87, -113.99}, {58.30, -134.42}};
  for (const auto& [lat, lon] : points) {
    std::vector<Neighbour> expected;
    for (std::uint32_t i = 0; i < hospitals.size(); ++i) {
      const Hospital& h = hospitals[i];
      if (h.latitude) expected.push_back({i, great_circle_metres(lat, lon, *h.latitude, *h.longitude) / 1000.0});
    }
    std::sort(expected.begin(), expected.end(), [](const Neighbour& a, const Neighbour& b) {
      return a.distance_km != b.distance_km ? a.distance_km < b.distance_km : a.index < b.index;
    });
    const auto found = index.nearest(lat, lon, 10, [](std::uint32_t) { return true; });
    ASSERT_EQ(found.size(), 10u);
    for (std::size_t i = 0; i < 10; ++i) {
      EXPECT_EQ(found[i].index, expected[i].index) << lat << "," << lon << " #" << i;
      EXPECT_DOUBLE_EQ(found[i].distance_km, expected[i].distance_km);
    }
  }
}

}  // namespace hci
