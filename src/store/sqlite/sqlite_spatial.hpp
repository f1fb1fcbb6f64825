#pragma once
// Spatial queries on one SQLite dataset version: bounding-box candidates from the hospitals_location index
// (migration 007), exact great-circle distances.

#include <cstdint>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace hci {

/// Nearest-k and radius searches over the hospitals_location index of one dataset version.
class SqliteSpatial {
 public:
  /// Queries the version stored under `dataset_id` through `connection` (borrowed).
  SqliteSpatial(sqlite::Connection& connection, std::int64_t dataset_id);

  /// The k nearest hospitals: radius searches that double until k are inside, nearest first, ties by id.
  std::vector<NearbyHospital> nearest(GeoPoint point, int k, bool emergency_only);
  /// Every hospital within `radius_m`, nearest first, ties by id.
  std::vector<NearbyHospital> within(GeoPoint point, double radius_m, bool emergency_only);

 private:
  sqlite::Connection& connection_;
  std::int64_t dataset_id_;
};

/// For every ZIP centroid of the version, the nearest hospital with emergency services, in ZIP order.
/// Loads the emergency hospitals once into an in-memory grid (the equivalent of the index for a
/// query per ZIP), then searches it exactly.
std::vector<ZipAccess> sqlite_zip_emergency_access(sqlite::Connection& connection, std::int64_t dataset_id);

}  // namespace hci
