#pragma once
// Geocodes hospitals by the centroid of their ZIP code.

#include <string>
#include <vector>

#include "core/geography.hpp"
#include "core/hospital.hpp"

namespace hci::ingest {

/// How a geocode went.
enum class GeocodeOutcome { geocoded, state_mismatch, unknown_zip };

/// Looks ZIP codes up in a flat table indexed by the 5-digit code (100,000 slots, 1.6 MB), so a
/// lookup is one array access whatever the number of hospitals.
class Geocoder {
 public:
  Geocoder();
  /// Adds one centroid to the table (the ZIP must be 5 digits).
  void add(const ZipCentroid& centroid);
  /// Sets the hospital's latitude and longitude from its ZIP's centroid. A centroid whose state
  /// differs from the hospital's still geocodes it, but is reported as state_mismatch.
  GeocodeOutcome geocode(Hospital& hospital) const;
  /// Number of ZIP codes known.
  size_t size() const { return size_; }

 private:
  struct Slot {
    double latitude = 0;
    double longitude = 0;
    char state[2] = {0, 0};  // USPS code, zeros when the source has none
    bool present = false;
  };
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace hci::ingest
