#include "store/postgres/postgis_spatial_queries.hpp"

#include <string>

#include "store/sql/transaction.hpp"

namespace hci::store::postgres {

namespace {

// Extra KNN candidates re-sorted by exact sphere distance, so ties and near-ties order as the grid orders them.
constexpr int kKnnSlack = 8;

}  // namespace

std::vector<ZipAccess> PostgisSpatialQueries::zip_emergency_access(SqlConnection& connection, std::int64_t dataset_id) {
  std::vector<ZipAccess> access;
  Transaction transaction(connection);
  // One KNN probe per ZIP: on a few thousand hospitals the planner would rather scan and sort them all
  // for every ZIP (seconds become minutes); the GIST index answers each probe directly.
  connection.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off");
  for_each_row(
      connection,
      "SELECT z.zip, z.city, z.state_code, z.latitude, z.longitude, n.id, n.d, z.county_fips FROM zip_centroids z"
      " LEFT JOIN LATERAL (SELECT c.id, c.d FROM (SELECT h.id, ST_Distance(h.geom, z.geom, false) AS d"
      "   FROM hospitals h WHERE h.dataset_id = ? AND h.emergency_services AND h.geom IS NOT NULL"
      "   ORDER BY h.geom <-> z.geom LIMIT " +
          std::to_string(kKnnSlack) +
          ") c ORDER BY c.d, c.id LIMIT 1) n ON true"
          " WHERE z.dataset_id = ? ORDER BY z.zip",
      {dataset_id, dataset_id}, [&](const SqlRow& row) {
        access.push_back(ZipAccess{row.string(0), row.string(1), row.string(2), GeoPoint{row.real(3), row.real(4)},
                                   row.string(5), row.is_null(6) ? 0.0 : row.real(6), row.optional_string(7)});
      });
  transaction.commit();
  return access;
}

}  // namespace hci::store::postgres
