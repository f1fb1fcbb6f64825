#pragma once
// The spatial questions the store answers, the one part each backend writes in its own SQL: PostGIS
// answers with its GIST index, SQLite (no spatial SQL) with an exact in-memory grid over plain reads.

#include <cstdint>
#include <vector>

#include "core/geography.hpp"
#include "store/sql/sql_connection.hpp"

namespace hci::store {

/// A backend's spatial queries over one connection.
class SpatialQueries {
 public:
  virtual ~SpatialQueries() = default;
  /// For every ZIP centroid of the version stored under `dataset_id`, the nearest hospital with emergency
  /// services (great-circle distance, equal distances by hospital id), in ZIP order.
  virtual std::vector<ZipAccess> zip_emergency_access(SqlConnection& connection, std::int64_t dataset_id) = 0;
};

}  // namespace hci::store
