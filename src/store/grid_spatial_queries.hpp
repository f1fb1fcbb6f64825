#pragma once
// Spatial queries for a backend without spatial SQL (SQLite): plain reads, then an exact in-memory grid.

#include "store/spatial_queries.hpp"

namespace hci::store {

/// Loads a version's emergency hospitals once into a SpatialIndex (the equivalent of a spatial index for a
/// query per ZIP), then searches it exactly for each ZIP centroid.
class GridSpatialQueries final : public SpatialQueries {
 public:
  std::vector<ZipAccess> zip_emergency_access(SqlConnection& connection, std::int64_t dataset_id) override;
};

}  // namespace hci::store
