#pragma once
// A grid over latitude and longitude for k-nearest searches among a version's hospitals, so a
// nearest query visits the cells around a point instead of every hospital.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/hospital.hpp"

namespace hci {

/// A hospital and its great-circle distance from the query point, in kilometres.
struct Neighbour {
  std::uint32_t index = 0;
  double distance_km = 0;
};

/// Buckets geocoded hospitals into 1-degree cells. Immutable after construction; thread-safe reads.
class SpatialIndex {
 public:
  /// Indexes every hospital that has coordinates; `hospitals` must outlive the index.
  explicit SpatialIndex(std::span<const Hospital> hospitals);

  /// The k nearest hospitals accepted by `keep` (and not `exclude`), nearest first, ties by index.
  /// Exact: rings of cells are searched until no unvisited cell can hold anything closer.
  std::vector<Neighbour> nearest(double latitude, double longitude, std::size_t k,
                                 const std::function<bool(std::uint32_t)>& keep) const;

 private:
  static constexpr int kRows = 180;
  static constexpr int kColumns = 360;
  static int row_of(double latitude);
  static int column_of(double longitude);
  void visit_ring(int row, int column, int ring, const std::function<void(std::uint32_t)>& visit) const;

  std::span<const Hospital> hospitals_;
  std::vector<std::vector<std::uint32_t>> cells_;  // kRows x kColumns
};

}  // namespace hci
