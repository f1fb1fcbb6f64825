#pragma once
// County boundaries (Census cartographic boundary file, 1:10m, as us-atlas TopoJSON) and the lookup of the
// county that contains a point: how ZIP centroids get their county.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hci::ingest {

/// Finds the county polygon containing a point. Immutable after construction; thread-safe reads.
class CountyLocator {
 public:
  /// Decodes a TopoJSON topology whose object "counties" holds one Polygon or MultiPolygon per county with
  /// its 5-digit FIPS as id. Throws hci::Error(invalid_input) naming `source` when the text is not such a
  /// topology.
  static CountyLocator from_topojson(std::string_view text, const std::string& source);

  /// The FIPS of the county containing the point (even-odd rule: holes and islands handled), or nullopt
  /// for a point in no county (water, outside the US, a territory the file does not cover).
  std::optional<std::string> county_of(double latitude, double longitude) const;
  /// Counties loaded.
  std::size_t size() const { return counties_.size(); }

 private:
  struct Ring {
    std::vector<double> x;  // longitude
    std::vector<double> y;  // latitude
  };
  struct CountyShape {
    std::string fips;
    std::vector<Ring> rings;
    double min_x, min_y, max_x, max_y;
  };
  static bool contains(const CountyShape& shape, double x, double y);
  int cell_of(double x, double y) const;

  std::vector<CountyShape> counties_;
  std::vector<std::vector<std::uint32_t>> cells_;  // 1-degree grid of candidate counties
};

}  // namespace hci::ingest
