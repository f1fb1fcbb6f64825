#include "store/grid_spatial_queries.hpp"

#include "core/geo_distance.hpp"
#include "core/spatial_index.hpp"

namespace hci::store {

std::vector<ZipAccess> GridSpatialQueries::zip_emergency_access(SqlConnection& connection, std::int64_t dataset_id) {
  std::vector<Hospital> emergency;
  for_each_row(connection,
               "SELECT id, latitude, longitude FROM hospitals"
               " WHERE dataset_id = ? AND emergency_services AND latitude IS NOT NULL ORDER BY id",
               {dataset_id}, [&](const SqlRow& row) {
                 Hospital h;
                 h.id = row.string(0);
                 h.latitude = row.real(1);
                 h.longitude = row.real(2);
                 emergency.push_back(std::move(h));
               });
  const SpatialIndex index(emergency);
  std::vector<ZipAccess> access;
  for_each_row(
      connection,
      "SELECT zip, city, state_code, latitude, longitude, county_fips FROM zip_centroids WHERE dataset_id = ?"
      " ORDER BY zip",
      {dataset_id}, [&](const SqlRow& row) {
        ZipAccess zip{row.string(0),         row.string(1), row.string(2), GeoPoint{row.real(3), row.real(4)}, "", 0,
                      row.optional_string(5)};
        const auto nearest =
            index.nearest(zip.point.latitude, zip.point.longitude, 1, [](std::uint32_t) { return true; });
        if (!nearest.empty()) {
          const Hospital& hospital = emergency[nearest.front().index];
          zip.hospital_id = hospital.id;
          zip.distance_m =
              great_circle_metres(zip.point.latitude, zip.point.longitude, *hospital.latitude, *hospital.longitude);
        }
        access.push_back(std::move(zip));
      });
  return access;
}

}  // namespace hci::store
