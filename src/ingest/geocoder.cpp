#include "ingest/geocoder.hpp"

namespace hci {

GeocodeOutcome Geocoder::geocode(Hospital& hospital) const {
  auto it = by_zip_.find(hospital.zip);
  if (it == by_zip_.end()) return GeocodeOutcome::unknown_zip;
  hospital.latitude = it->second.latitude;
  hospital.longitude = it->second.longitude;
  if (!it->second.state.empty() && it->second.state != hospital.state) return GeocodeOutcome::state_mismatch;
  return GeocodeOutcome::geocoded;
}

}  // namespace hci
