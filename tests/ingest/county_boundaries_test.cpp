// The county of a point, from the real Census county boundaries (us-atlas TopoJSON in the snapshot), and clear
// errors for topologies that are not what they claim.

#include "ingest/county_boundaries.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace hci::ingest {

namespace {

const CountyLocator& real_counties() {
  static const CountyLocator locator = [] {
    std::ifstream in(HCI_SOURCE_DATA_DIR "/geo/us_counties_10m.topojson");
    std::stringstream text;
    text << in.rdbuf();
    return CountyLocator::from_topojson(text.str(), "geo/us_counties_10m.topojson");
  }();
  return locator;
}

// The message of the error decoding `topology`.
std::string error_of(const std::string& topology) {
  try {
    CountyLocator::from_topojson(topology, "t.topojson");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

// A one-county topology (a unit square at the origin) whose arcs and ring are given.
std::string square(const std::string& arcs, const std::string& ring) {
  return R"({"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":)" + arcs +
         R"(,"objects":{"counties":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"00001","arcs":[)" +
         ring + "]}]}}}";
}

}  // namespace

TEST(CountyBoundaries, PlacesRealPointsInTheirCounties) {
  EXPECT_GT(real_counties().size(), 3000u);
  EXPECT_EQ(real_counties().county_of(30.2672, -97.7431), "48453");   // Austin, Travis County TX
  EXPECT_EQ(real_counties().county_of(40.7128, -74.0060), "36061");   // Manhattan, New York County NY
  EXPECT_EQ(real_counties().county_of(21.3069, -157.8583), "15003");  // Honolulu HI
  EXPECT_EQ(real_counties().county_of(36.0, -40.0), std::nullopt);    // the Atlantic
}

TEST(CountyBoundaries, ASquareContainsItsInsideOnly) {
  const auto locator = CountyLocator::from_topojson(square("[[[0,0],[1,0],[0,1],[-1,0],[0,-1]]]", "[0]"), "t");
  EXPECT_EQ(locator.county_of(0.5, 0.5), "00001");
  EXPECT_EQ(locator.county_of(1.5, 0.5), std::nullopt);
  EXPECT_EQ(locator.county_of(1e300, -1e300), std::nullopt);
}

TEST(CountyBoundaries, MalformedTopologiesAreNamedErrors) {
  EXPECT_NE(error_of("{").find("t.topojson: not a us-atlas counties topology"), std::string::npos);
  EXPECT_NE(error_of(square("[[[0,0],[1]]]", "[0]")).find("t.topojson: not a us-atlas counties topology"),
            std::string::npos)
      << "a delta with one coordinate";
  EXPECT_EQ(error_of(square("[[[0,0],[1,0],[0,1]]]", "[7]")),
            "t.topojson: a ring refers to arc 7, but the topology has 1 arcs");
  EXPECT_EQ(error_of(square("[[[0,0],[1e308,0],[1e308,0]]]", "[0]")),
            "t.topojson: arc 0 has a point outside any coordinate range");
  EXPECT_EQ(error_of(square("[[[0,0],[1,0],[0,1]]]", "[0.5]")), "t.topojson: an arc index is not an integer: 0.5");
}

}  // namespace hci::ingest
