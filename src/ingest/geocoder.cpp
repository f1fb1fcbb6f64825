#include "ingest/geocoder.hpp"

#include "core/text.hpp"

namespace hci::ingest {

namespace {

constexpr size_t kZipSlots = 100'000;

// The slot of a 5-digit ZIP, or kZipSlots when the text is not one.
size_t slot_of(std::string_view zip) {
  if (zip.size() != 5 || !is_all_digits(zip)) return kZipSlots;
  size_t index = 0;
  for (char c : zip) index = index * 10 + static_cast<size_t>(c - '0');
  return index;
}

}  // namespace

Geocoder::Geocoder() : slots_(kZipSlots) {}

void Geocoder::add(const ZipCentroid& centroid) {
  size_t index = slot_of(centroid.zip);
  if (index == kZipSlots) return;
  Slot& slot = slots_[index];
  size_ += slot.present ? 0 : 1;
  slot = Slot{centroid.latitude, centroid.longitude, {0, 0}, true};
  if (centroid.state.size() == 2) {
    slot.state[0] = centroid.state[0];
    slot.state[1] = centroid.state[1];
  }
}

GeocodeOutcome Geocoder::geocode(Hospital& hospital) const {
  size_t index = slot_of(hospital.zip);
  if (index == kZipSlots || !slots_[index].present) return GeocodeOutcome::unknown_zip;
  const Slot& slot = slots_[index];
  hospital.latitude = slot.latitude;
  hospital.longitude = slot.longitude;
  const bool has_state = slot.state[0] != 0;
  if (has_state && std::string_view(slot.state, 2) != hospital.state) return GeocodeOutcome::state_mismatch;
  return GeocodeOutcome::geocoded;
}

}  // namespace hci::ingest
