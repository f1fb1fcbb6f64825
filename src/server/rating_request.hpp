#pragma once
// The body of POST /predict/hospital-rating, read and validated into the rating model's inputs. Kept apart
// from the route so the fuzzer can drive it without a server or a snapshot.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ml/features.hpp"

namespace hci::server {

/// The largest magnitude a measure value of the body may have.
inline constexpr double kMeasureInputBound = 1e7;

/// A hospital the request may name by facility_id: its own model inputs and its county.
struct KnownHospital {
  ml::RawRow inputs;
  std::optional<std::string> county_fips;
};

/// Finds a hospital by CMS id (nullopt when there is none).
using HospitalLookup = std::function<std::optional<KnownHospital>(const std::string& facility_id)>;

/// A validated prediction request: the hospital's inputs, and the county that selects its context.
struct RatingRequest {
  ml::RawRow row;
  std::optional<std::string> county_fips;
};

/// Reads the body: a known hospital's own values (facility_id) with the body's fields as overrides, or the
/// body alone (hospital_type required). Throws RequestError: 415 when not JSON, 400 when malformed or nested
/// deeper than 32 levels, 422 naming every field that is unknown, mistyped or out of range.
RatingRequest parse_rating_request(std::string_view content_type, std::string_view body, const HospitalLookup& lookup);

}  // namespace hci::server
