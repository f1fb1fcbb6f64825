#include "ingest/county_boundaries.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace hci {

namespace {

constexpr int kColumns = 360;
constexpr int kRows = 180;

using Arc = std::vector<std::pair<double, double>>;

// Decodes the quantized, delta-encoded arcs of a TopoJSON topology into coordinates.
std::vector<Arc> decode_arcs(const nlohmann::json& topology) {
  const auto& transform = topology.at("transform");
  const double sx = transform.at("scale")[0], sy = transform.at("scale")[1];
  const double tx = transform.at("translate")[0], ty = transform.at("translate")[1];
  std::vector<Arc> arcs;
  for (const auto& encoded : topology.at("arcs")) {
    Arc arc;
    long x = 0, y = 0;
    for (const auto& delta : encoded) {
      x += delta[0].get<long>();
      y += delta[1].get<long>();
      arc.emplace_back(tx + static_cast<double>(x) * sx, ty + static_cast<double>(y) * sy);
    }
    arcs.push_back(std::move(arc));
  }
  return arcs;
}

// A ring from its arc indexes; a negative index ~i is arc i reversed. Consecutive arcs share an end point.
std::vector<std::pair<double, double>> assemble(const nlohmann::json& indexes, const std::vector<Arc>& arcs) {
  std::vector<std::pair<double, double>> points;
  for (const auto& value : indexes) {
    const long index = value.get<long>();
    const auto& arc = arcs.at(static_cast<std::size_t>(index >= 0 ? index : ~index));
    Arc piece = arc;
    if (index < 0) std::reverse(piece.begin(), piece.end());
    points.insert(points.end(), piece.begin() + (points.empty() ? 0 : 1), piece.end());
  }
  return points;
}

}  // namespace

CountyLocator CountyLocator::from_topojson(std::string_view text, const std::string& source) {
  CountyLocator locator;
  try {
    const auto topology = nlohmann::json::parse(text);
    const auto arcs = decode_arcs(topology);
    for (const auto& geometry : topology.at("objects").at("counties").at("geometries")) {
      CountyShape shape{geometry.at("id").get<std::string>(), {}, 1e9, 1e9, -1e9, -1e9};
      const std::string type = geometry.value("type", "");
      if (type != "Polygon" && type != "MultiPolygon") continue;  // a county without area
      const nlohmann::json polygons =
          type == "Polygon" ? nlohmann::json::array({geometry.at("arcs")}) : geometry.at("arcs");
      for (const auto& polygon : polygons) {
        for (const auto& ring_arcs : polygon) {
          Ring ring;
          const auto points = assemble(ring_arcs, arcs);
          if (points.size() < 3) continue;
          for (const auto& [x, y] : points) {
            ring.x.push_back(x);
            ring.y.push_back(y);
            shape.min_x = std::min(shape.min_x, x), shape.max_x = std::max(shape.max_x, x);
            shape.min_y = std::min(shape.min_y, y), shape.max_y = std::max(shape.max_y, y);
          }
          shape.rings.push_back(std::move(ring));
        }
      }
      locator.counties_.push_back(std::move(shape));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, source + ": not a us-atlas counties topology: " + e.what());
  }
  if (locator.counties_.empty()) throw Error(ErrorCode::invalid_input, source + ": no county polygons");
  locator.cells_.resize(static_cast<std::size_t>(kRows * kColumns));
  for (std::uint32_t i = 0; i < locator.counties_.size(); ++i) {
    const auto& c = locator.counties_[i];
    for (int row = locator.cell_of(c.min_x, c.min_y) / kColumns; row <= locator.cell_of(c.min_x, c.max_y) / kColumns;
         ++row) {
      for (int column = locator.cell_of(c.min_x, c.min_y) % kColumns;
           column <= locator.cell_of(c.max_x, c.min_y) % kColumns; ++column) {
        locator.cells_[static_cast<std::size_t>(row * kColumns + column)].push_back(i);
      }
    }
  }
  return locator;
}

int CountyLocator::cell_of(double x, double y) const {
  const int row = std::clamp(static_cast<int>(std::floor(y + 90)), 0, kRows - 1);
  const int column = std::clamp(static_cast<int>(std::floor(x + 180)), 0, kColumns - 1);
  return row * kColumns + column;
}

bool CountyLocator::contains(const CountyShape& shape, double x, double y) {
  if (x < shape.min_x || x > shape.max_x || y < shape.min_y || y > shape.max_y) return false;
  bool inside = false;
  for (const auto& ring : shape.rings) {
    for (std::size_t i = 0, j = ring.x.size() - 1; i < ring.x.size(); j = i++) {
      if ((ring.y[i] > y) != (ring.y[j] > y) &&
          x < (ring.x[j] - ring.x[i]) * (y - ring.y[i]) / (ring.y[j] - ring.y[i]) + ring.x[i]) {
        inside = !inside;
      }
    }
  }
  return inside;
}

std::optional<std::string> CountyLocator::county_of(double latitude, double longitude) const {
  for (std::uint32_t index : cells_[static_cast<std::size_t>(cell_of(longitude, latitude))]) {
    if (contains(counties_[index], longitude, latitude)) return counties_[index].fips;
  }
  return std::nullopt;
}

}  // namespace hci
