#pragma once
// Geocodes hospitals by the centroid of their ZIP code.

#include <string>
#include <unordered_map>

#include "core/geography.hpp"
#include "core/hospital.hpp"

namespace hci {

/// How a geocode went.
enum class GeocodeOutcome { geocoded, state_mismatch, unknown_zip };

/// Looks ZIP codes up in a centroid table held in memory (about 42k entries).
class Geocoder {
 public:
  /// Adds one centroid to the table.
  void add(const ZipCentroid& centroid) { by_zip_[centroid.zip] = centroid; }
  /// Sets the hospital's latitude and longitude from its ZIP's centroid. A centroid whose state
  /// differs from the hospital's still geocodes it, but is reported as state_mismatch.
  GeocodeOutcome geocode(Hospital& hospital) const;
  /// Number of ZIP codes known.
  size_t size() const { return by_zip_.size(); }

 private:
  std::unordered_map<std::string, ZipCentroid> by_zip_;
};

}  // namespace hci
