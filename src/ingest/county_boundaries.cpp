#include "ingest/county_boundaries.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace hci::ingest {

namespace {

constexpr int kColumns = 360;
constexpr int kRows = 180;

using Arc = std::vector<std::pair<double, double>>;

// Decodes the quantized, delta-encoded arcs of a TopoJSON topology into coordinates. Positions accumulate in
// double (exact for any real quantization), so hostile deltas cannot overflow.
std::vector<Arc> decode_arcs(const nlohmann::json& topology, const std::string& source) {
  const auto& transform = topology.at("transform");
  const double sx = transform.at("scale").at(0), sy = transform.at("scale").at(1);
  const double tx = transform.at("translate").at(0), ty = transform.at("translate").at(1);
  std::vector<Arc> arcs;
  for (const auto& encoded : topology.at("arcs")) {
    Arc arc;
    double x = 0, y = 0;
    for (const auto& delta : encoded) {
      x += delta.at(0).get<double>();
      y += delta.at(1).get<double>();
      const double longitude = tx + x * sx, latitude = ty + y * sy;
      if (!std::isfinite(longitude) || !std::isfinite(latitude)) {
        throw Error(ErrorCode::invalid_input,
                    source + ": arc " + std::to_string(arcs.size()) + " has a point outside any coordinate range");
      }
      arc.emplace_back(longitude, latitude);
    }
    arcs.push_back(std::move(arc));
  }
  return arcs;
}

// A ring from its arc indexes; a negative index ~i is arc i reversed. Consecutive arcs share an end point.
std::vector<std::pair<double, double>> assemble(const nlohmann::json& indexes, const std::vector<Arc>& arcs,
                                                const std::string& source) {
  std::vector<std::pair<double, double>> points;
  for (const auto& value : indexes) {
    if (!value.is_number_integer()) {
      throw Error(ErrorCode::invalid_input, source + ": an arc index is not an integer: " + value.dump());
    }
    const long index = value.get<long>();
    const auto position = static_cast<std::size_t>(index >= 0 ? index : ~index);
    if (position >= arcs.size()) {
      throw Error(ErrorCode::invalid_input, source + ": a ring refers to arc " + std::to_string(index) +
                                                ", but the topology has " + std::to_string(arcs.size()) + " arcs");
    }
    Arc piece = arcs[position];
    if (piece.empty()) continue;
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
    const auto arcs = decode_arcs(topology, source);
    for (const auto& geometry : topology.at("objects").at("counties").at("geometries")) {
      CountyShape shape{geometry.at("id").get<std::string>(), {}, 1e9, 1e9, -1e9, -1e9};
      const std::string type = geometry.value("type", "");
      if (type != "Polygon" && type != "MultiPolygon") continue;  // a county without area
      const nlohmann::json polygons =
          type == "Polygon" ? nlohmann::json::array({geometry.at("arcs")}) : geometry.at("arcs");
      for (const auto& polygon : polygons) {
        for (const auto& ring_arcs : polygon) {
          Ring ring;
          const auto points = assemble(ring_arcs, arcs, source);
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
  // Clamped as doubles first: a point far outside the grid (or NaN, which fails both tests) lands on an edge.
  const double clamped_y = std::floor(y + 90) > 0 ? std::min(std::floor(y + 90), kRows - 1.0) : 0.0;
  const double clamped_x = std::floor(x + 180) > 0 ? std::min(std::floor(x + 180), kColumns - 1.0) : 0.0;
  const int row = static_cast<int>(clamped_y);
  const int column = static_cast<int>(clamped_x);
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

}  // namespace hci::ingest
