#pragma once
// Great-circle distance between WGS84 points, the one distance every module uses.

namespace hci {

/// Mean Earth radius (IUGG), the sphere used for every distance in the product.
inline constexpr double kEarthRadiusMetres = 6'371'008.8;

/// Haversine distance in metres between two points given in decimal degrees.
double great_circle_metres(double latitude1, double longitude1, double latitude2, double longitude2);

}  // namespace hci
