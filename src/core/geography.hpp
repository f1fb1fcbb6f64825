#pragma once
// Places: ZIP centroids and counties.

#include <cstdint>
#include <optional>
#include <string>

namespace hci {

/// A ZIP code's representative point (Census ZCTA internal point, or USPS-based fallback).
struct ZipCentroid {
  std::string zip;  // 5 digits
  double latitude = 0;
  double longitude = 0;
  std::string city;
  std::string state;                       // USPS code, may be empty where the source has none
  std::string coord_source;                // which list the coordinates come from
  std::optional<std::string> county_fips;  // the county polygon containing the point, null when none does
};

/// A county with its NCHS urban-rural classification (1 = large central metro .. 6 = noncore).
struct County {
  std::string fips;  // 5 digits
  std::string state;
  std::string name;
  std::optional<int> urban_rural_2023;
  std::optional<int> urban_rural_2013;
  std::optional<int> urban_rural_2006;
  std::optional<int> urban_rural_1990;
  std::string cbsa_title;
  std::optional<std::int64_t> population;
};

/// A point in WGS84 decimal degrees.
struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
};

/// A hospital found by a spatial query, with its great-circle distance from the query point.
struct NearbyHospital {
  std::string id;
  double distance_m = 0;
};

/// A ZIP centroid and the nearest hospital with emergency services (great-circle distance).
struct ZipAccess {
  std::string zip;
  std::string city;
  std::string state;
  GeoPoint point;
  std::string hospital_id;  // empty when the version has no emergency hospital at all
  double distance_m = 0;
  std::optional<std::string> county_fips;  // the ZIP's county, when its centroid lies in one
};

}  // namespace hci
