#include "store/sqlite/sqlite_spatial.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/geo_distance.hpp"
#include "core/spatial_index.hpp"

namespace hci {

namespace {

constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;
constexpr double kHalfCircumferenceMetres = std::numbers::pi * kEarthRadiusMetres;
constexpr double kFirstNearestRadiusMetres = 25'000;

// The latitude/longitude box that contains every point within `radius_m` of `point`.
struct Box {
  double min_lat, max_lat, min_lon, max_lon;
};

Box bounding_box(GeoPoint point, double radius_m) {
  const double angle = radius_m / kEarthRadiusMetres;
  const double dlat = angle * kDegreesPerRadian;
  Box box{point.latitude - dlat, point.latitude + dlat, -180.0, 180.0};
  if (box.min_lat <= -90 || box.max_lat >= 90 || angle >= std::numbers::pi / 2) return box;
  const double ratio = std::sin(angle) / std::cos(point.latitude / kDegreesPerRadian);
  if (ratio >= 1) return box;
  const double dlon = std::asin(ratio) * kDegreesPerRadian;
  if (point.longitude - dlon < -180 || point.longitude + dlon > 180) return box;  // crosses the antimeridian
  box.min_lon = point.longitude - dlon;
  box.max_lon = point.longitude + dlon;
  return box;
}

void sort_nearest_first(std::vector<NearbyHospital>& found) {
  std::sort(found.begin(), found.end(), [](const NearbyHospital& a, const NearbyHospital& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.id < b.id;
  });
}

}  // namespace

SqliteSpatial::SqliteSpatial(sqlite::Connection& connection, std::int64_t dataset_id)
    : connection_(connection), dataset_id_(dataset_id) {}

std::vector<NearbyHospital> SqliteSpatial::within(GeoPoint point, double radius_m, bool emergency_only) {
  const Box box = bounding_box(point, radius_m);
  auto query = connection_.prepare(
      "SELECT id, latitude, longitude FROM hospitals INDEXED BY hospitals_location"
      " WHERE dataset_id = ?5 AND latitude BETWEEN ?1 AND ?2 AND longitude BETWEEN ?3 AND ?4"
      " AND (?6 = 0 OR emergency_services = 1)");
  query.bind(1, box.min_lat);
  query.bind(2, box.max_lat);
  query.bind(3, box.min_lon);
  query.bind(4, box.max_lon);
  query.bind(5, dataset_id_);
  query.bind(6, emergency_only);
  std::vector<NearbyHospital> found;
  while (query.step()) {
    const double distance =
        great_circle_metres(point.latitude, point.longitude, query.column_double(1), query.column_double(2));
    if (distance <= radius_m) found.push_back(NearbyHospital{query.column_text(0), distance});
  }
  sort_nearest_first(found);
  return found;
}

std::vector<NearbyHospital> SqliteSpatial::nearest(GeoPoint point, int k, bool emergency_only) {
  if (k <= 0) return {};
  for (double radius = kFirstNearestRadiusMetres;; radius *= 2) {
    const bool whole_earth = radius >= kHalfCircumferenceMetres;
    auto found = within(point, whole_earth ? 2 * kHalfCircumferenceMetres : radius, emergency_only);
    if (static_cast<int>(found.size()) >= k || whole_earth) {
      found.resize(std::min(found.size(), static_cast<std::size_t>(k)));
      return found;
    }
  }
}

std::vector<ZipAccess> sqlite_zip_emergency_access(sqlite::Connection& connection, std::int64_t dataset_id) {
  std::vector<Hospital> emergency;
  auto hospitals = connection.prepare(
      "SELECT id, latitude, longitude FROM hospitals"
      " WHERE dataset_id = ? AND emergency_services = 1 AND latitude IS NOT NULL ORDER BY id");
  hospitals.bind(1, dataset_id);
  while (hospitals.step()) {
    Hospital h;
    h.id = hospitals.column_text(0);
    h.latitude = hospitals.column_double(1);
    h.longitude = hospitals.column_double(2);
    emergency.push_back(std::move(h));
  }
  const SpatialIndex index(emergency);
  std::vector<ZipAccess> access;
  auto zips = connection.prepare(
      "SELECT zip, city, state_code, latitude, longitude, county_fips FROM zip_centroids WHERE dataset_id = ?"
      " ORDER BY zip");
  zips.bind(1, dataset_id);
  while (zips.step()) {
    ZipAccess row{zips.column_text(0),
                  zips.column_text(1),
                  zips.column_text(2),
                  GeoPoint{zips.column_double(3), zips.column_double(4)},
                  "",
                  0,
                  std::nullopt};
    if (!zips.column_is_null(5)) row.county_fips = zips.column_text(5);
    const auto nearest = index.nearest(row.point.latitude, row.point.longitude, 1, [](std::uint32_t) { return true; });
    if (!nearest.empty()) {
      row.hospital_id = emergency[nearest.front().index].id;
      row.distance_m =
          great_circle_metres(row.point.latitude, row.point.longitude, *emergency[nearest.front().index].latitude,
                              *emergency[nearest.front().index].longitude);
    }
    access.push_back(std::move(row));
  }
  return access;
}

}  // namespace hci
