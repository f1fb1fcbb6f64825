#include "core/us_states.hpp"

#include <gtest/gtest.h>

namespace hci {

TEST(UsStates, KnowsFiftyStatesDcAndFiveTerritories) {
  int states = 0, districts = 0, territories = 0;
  for (const auto& j : all_jurisdictions()) {
    states += j.kind == JurisdictionKind::state;
    districts += j.kind == JurisdictionKind::district;
    territories += j.kind == JurisdictionKind::territory;
  }
  EXPECT_EQ(states, 50);
  EXPECT_EQ(districts, 1);
  EXPECT_EQ(territories, 5);
}

TEST(UsStates, FindsByCodeAndByFips) {
  EXPECT_EQ(find_jurisdiction("TX")->name, "Texas");
  EXPECT_EQ(find_jurisdiction_by_fips("72")->code, "PR");
  EXPECT_FALSE(find_jurisdiction("XX"));
  EXPECT_EQ(find_jurisdiction("AE")->kind, JurisdictionKind::postal_only);
}

TEST(UsStates, EnvelopeHoldsStatesAndTerritoriesButNotFlippedLongitudes) {
  EXPECT_TRUE(is_inside_us_envelope(40.77, -73.95));  // Manhattan
  EXPECT_TRUE(is_inside_us_envelope(61.2, -149.9));   // Anchorage
  EXPECT_TRUE(is_inside_us_envelope(52.9, 173.2));    // Attu, west of the antimeridian
  EXPECT_TRUE(is_inside_us_envelope(21.3, -157.8));   // Honolulu
  EXPECT_TRUE(is_inside_us_envelope(18.4, -66.1));    // San Juan
  EXPECT_TRUE(is_inside_us_envelope(13.47, 144.75));  // Guam
  EXPECT_FALSE(is_inside_us_envelope(40.77, 73.95));  // the sign error found in the ZIP file
  EXPECT_FALSE(is_inside_us_envelope(-89.99, -100.0));
}

}  // namespace hci
