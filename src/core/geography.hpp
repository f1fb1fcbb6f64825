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
  std::string state;         // USPS code, may be empty where the source has none
  std::string coord_source;  // which list the coordinates come from
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

}  // namespace hci
