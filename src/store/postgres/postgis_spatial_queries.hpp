#pragma once
// Spatial queries in PostGIS: KNN on the GIST index of hospitals.geom.

#include "store/spatial_queries.hpp"

namespace hci::store::postgres {

/// Answers with one KNN probe of the GIST index per ZIP centroid, on the same sphere as the grid.
class PostgisSpatialQueries final : public SpatialQueries {
 public:
  std::vector<ZipAccess> zip_emergency_access(SqlConnection& connection, std::int64_t dataset_id) override;
};

}  // namespace hci::store::postgres
