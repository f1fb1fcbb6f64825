#include "ingest/county_resolver.hpp"

#include <gtest/gtest.h>

namespace hci::ingest {

TEST(CountyResolver, MatchesCmsUppercaseNamesToCountyNames) {
  CountyResolver resolver;
  resolver.add(County{"01069", "AL", "Houston County", {}, {}, {}, {}, "", {}});
  resolver.add(County{"22033", "LA", "East Baton Rouge Parish", {}, {}, {}, {}, "", {}});
  resolver.add(County{"29510", "MO", "St. Louis city", {}, {}, {}, {}, "", {}});
  resolver.add(County{"29189", "MO", "St. Louis County", {}, {}, {}, {}, "", {}});
  EXPECT_EQ(resolver.resolve("AL", "HOUSTON"), "01069");
  EXPECT_EQ(resolver.resolve("LA", "EAST BATON ROUGE"), "22033");
  EXPECT_EQ(resolver.resolve("MO", "SAINT LOUIS"), "29189");
  EXPECT_EQ(resolver.resolve("MO", "ST. LOUIS CITY"), "29510");
  EXPECT_FALSE(resolver.resolve("TX", "HOUSTON"));
}

}  // namespace hci::ingest
