// The SQLite store's spatial answer (every ZIP's nearest emergency hospital, from the in-memory grid)
// against a brute-force search over the same hospitals.

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/geo_distance.hpp"
#include "store/store.hpp"
#include "support/ingested_store.hpp"

namespace hci::store {
namespace {

// The emergency hospital nearest to a point, equal distances by id, by looking at every one.
NearbyHospital brute_force_nearest_emergency(GeoPoint p) {
  NearbyHospital best{"", 0};
  for (const auto& h : testing::stored_hospitals()) {
    if (!h.latitude || !h.emergency_services) continue;
    const double d = great_circle_metres(p.latitude, p.longitude, *h.latitude, *h.longitude);
    if (best.id.empty() || d < best.distance_m || (d == best.distance_m && h.id < best.id)) best = {h.id, d};
  }
  return best;
}

class GridSpatialQueriesTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> store_ = open_store(testing::ingested_store_uri());
  std::string version_ = store_->find_dataset("")->version;
};

TEST_F(GridSpatialQueriesTest, EveryZipGetsItsNearestEmergencyHospital) {
  const auto access = store_->zip_emergency_access(version_);
  const auto& zips = testing::stored_tables().of<ZipCentroid>();
  ASSERT_EQ(access.size(), zips.size());
  for (std::size_t i = 0; i < access.size(); i += 997) {  // a spread sample of ~43 ZIPs
    const auto expected = brute_force_nearest_emergency(access[i].point);
    EXPECT_EQ(access[i].hospital_id, expected.id) << access[i].zip;
    EXPECT_NEAR(access[i].distance_m, expected.distance_m, 1e-6);
    EXPECT_EQ(access[i].zip, zips[i].zip);
    EXPECT_EQ(access[i].county_fips, zips[i].county_fips) << access[i].zip;
  }
}

TEST_F(GridSpatialQueriesTest, AnUnknownVersionIsNotFound) {
  try {
    store_->zip_emergency_access("no-such-version");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
}

}  // namespace
}  // namespace hci::store
