#include "core/spatial_index.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo_distance.hpp"

namespace hci {

namespace {

// The shortest distance covered by one cell step anywhere on Earth: one degree of latitude, or one
// degree of longitude at the most poleward latitude searched (never less than 1 km, near the poles).
constexpr double kKilometresPerDegree = kEarthRadiusMetres / 1000.0 * 3.14159265358979323846 / 180.0;

bool closer(const Neighbour& a, const Neighbour& b) {
  return a.distance_km != b.distance_km ? a.distance_km < b.distance_km : a.index < b.index;
}

}  // namespace

SpatialIndex::SpatialIndex(std::span<const Hospital> hospitals)
    : hospitals_(hospitals), cells_(static_cast<std::size_t>(kRows * kColumns)) {
  for (std::uint32_t i = 0; i < hospitals.size(); ++i) {
    if (!hospitals[i].latitude || !hospitals[i].longitude) continue;
    const int cell = row_of(*hospitals[i].latitude) * kColumns + column_of(*hospitals[i].longitude);
    cells_[static_cast<std::size_t>(cell)].push_back(i);
  }
}

int SpatialIndex::row_of(double latitude) {
  return std::clamp(static_cast<int>(std::floor(latitude + 90)), 0, kRows - 1);
}

int SpatialIndex::column_of(double longitude) {
  return std::clamp(static_cast<int>(std::floor(longitude + 180)), 0, kColumns - 1);
}

void SpatialIndex::visit_ring(int row, int column, int ring, const std::function<void(std::uint32_t)>& visit) const {
  auto visit_cell = [&](int r, int c) {
    const int wrapped = ((c % kColumns) + kColumns) % kColumns;
    for (std::uint32_t index : cells_[static_cast<std::size_t>(r * kColumns + wrapped)]) visit(index);
  };
  // Once a ring is wider than the globe, its columns would repeat: visit each column once.
  const int first_column = column - std::min(ring, kColumns / 2);
  const int last_column = std::min(column + ring, first_column + kColumns - 1);
  for (int r = std::max(0, row - ring); r <= std::min(kRows - 1, row + ring); ++r) {
    if (r == row - ring || r == row + ring) {
      for (int c = first_column; c <= last_column; ++c) visit_cell(r, c);
    } else if (ring <= kColumns / 2) {  // only the ring's left and right borders
      visit_cell(r, column - ring);
      if (ring > 0 && column + ring != column - ring + kColumns) visit_cell(r, column + ring);
    }
  }
}

std::vector<Neighbour> SpatialIndex::nearest(double latitude, double longitude, std::size_t k,
                                             const std::function<bool(std::uint32_t)>& keep) const {
  std::vector<Neighbour> found;
  if (k == 0) return found;
  const int row = row_of(latitude);
  const int column = column_of(longitude);
  auto visit = [&](std::uint32_t index) {
    if (!keep(index)) return;
    const Hospital& h = hospitals_[index];
    found.push_back({index, great_circle_metres(latitude, longitude, *h.latitude, *h.longitude) / 1000.0});
  };
  const int max_ring = std::max(kRows, kColumns / 2);
  for (int ring = 0; ring <= max_ring; ++ring) {
    visit_ring(row, column, ring, visit);
    if (found.size() < k) continue;
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), found.end(), closer);
    found.resize(k);
    // Anything in ring+1 or beyond is at least `ring` whole cells away in latitude or longitude.
    const double poleward = std::min(89.0, std::abs(latitude) + ring + 1);
    // 0.9: a great circle is a little shorter than the parallel arc the cell width measures.
    const double cell_km =
        0.9 * std::max(1.0, kKilometresPerDegree * std::cos(poleward * 3.14159265358979323846 / 180.0));
    if (found.back().distance_km <= ring * cell_km) break;
  }
  std::sort(found.begin(), found.end(), closer);
  if (found.size() > k) found.resize(k);
  return found;
}

}  // namespace hci
