#include "core/us_states.hpp"

#include <algorithm>
#include <array>

namespace hci {

namespace {

using K = JurisdictionKind;

constexpr std::array kJurisdictions{
    Jurisdiction{"AK", "02", "Alaska", K::state},
    Jurisdiction{"AL", "01", "Alabama", K::state},
    Jurisdiction{"AR", "05", "Arkansas", K::state},
    Jurisdiction{"AZ", "04", "Arizona", K::state},
    Jurisdiction{"CA", "06", "California", K::state},
    Jurisdiction{"CO", "08", "Colorado", K::state},
    Jurisdiction{"CT", "09", "Connecticut", K::state},
    Jurisdiction{"DE", "10", "Delaware", K::state},
    Jurisdiction{"FL", "12", "Florida", K::state},
    Jurisdiction{"GA", "13", "Georgia", K::state},
    Jurisdiction{"HI", "15", "Hawaii", K::state},
    Jurisdiction{"IA", "19", "Iowa", K::state},
    Jurisdiction{"ID", "16", "Idaho", K::state},
    Jurisdiction{"IL", "17", "Illinois", K::state},
    Jurisdiction{"IN", "18", "Indiana", K::state},
    Jurisdiction{"KS", "20", "Kansas", K::state},
    Jurisdiction{"KY", "21", "Kentucky", K::state},
    Jurisdiction{"LA", "22", "Louisiana", K::state},
    Jurisdiction{"MA", "25", "Massachusetts", K::state},
    Jurisdiction{"MD", "24", "Maryland", K::state},
    Jurisdiction{"ME", "23", "Maine", K::state},
    Jurisdiction{"MI", "26", "Michigan", K::state},
    Jurisdiction{"MN", "27", "Minnesota", K::state},
    Jurisdiction{"MO", "29", "Missouri", K::state},
    Jurisdiction{"MS", "28", "Mississippi", K::state},
    Jurisdiction{"MT", "30", "Montana", K::state},
    Jurisdiction{"NC", "37", "North Carolina", K::state},
    Jurisdiction{"ND", "38", "North Dakota", K::state},
    Jurisdiction{"NE", "31", "Nebraska", K::state},
    Jurisdiction{"NH", "33", "New Hampshire", K::state},
    Jurisdiction{"NJ", "34", "New Jersey", K::state},
    Jurisdiction{"NM", "35", "New Mexico", K::state},
    Jurisdiction{"NV", "32", "Nevada", K::state},
    Jurisdiction{"NY", "36", "New York", K::state},
    Jurisdiction{"OH", "39", "Ohio", K::state},
    Jurisdiction{"OK", "40", "Oklahoma", K::state},
    Jurisdiction{"OR", "41", "Oregon", K::state},
    Jurisdiction{"PA", "42", "Pennsylvania", K::state},
    Jurisdiction{"RI", "44", "Rhode Island", K::state},
    Jurisdiction{"SC", "45", "South Carolina", K::state},
    Jurisdiction{"SD", "46", "South Dakota", K::state},
    Jurisdiction{"TN", "47", "Tennessee", K::state},
    Jurisdiction{"TX", "48", "Texas", K::state},
    Jurisdiction{"UT", "49", "Utah", K::state},
    Jurisdiction{"VA", "51", "Virginia", K::state},
    Jurisdiction{"VT", "50", "Vermont", K::state},
    Jurisdiction{"WA", "53", "Washington", K::state},
    Jurisdiction{"WI", "55", "Wisconsin", K::state},
    Jurisdiction{"WV", "54", "West Virginia", K::state},
    Jurisdiction{"WY", "56", "Wyoming", K::state},
    Jurisdiction{"DC", "11", "District of Columbia", K::district},
    Jurisdiction{"AS", "60", "American Samoa", K::territory},
    Jurisdiction{"GU", "66", "Guam", K::territory},
    Jurisdiction{"MP", "69", "Northern Mariana Islands", K::territory},
    Jurisdiction{"PR", "72", "Puerto Rico", K::territory},
    Jurisdiction{"VI", "78", "U.S. Virgin Islands", K::territory},
    Jurisdiction{"AA", "", "Armed Forces Americas", K::postal_only},
    Jurisdiction{"AE", "", "Armed Forces Europe", K::postal_only},
    Jurisdiction{"AP", "", "Armed Forces Pacific", K::postal_only},
    Jurisdiction{"FM", "", "Federated States of Micronesia", K::postal_only},
    Jurisdiction{"MH", "", "Marshall Islands", K::postal_only},
    Jurisdiction{"PW", "", "Palau", K::postal_only},
};

struct Envelope {
  double south, north, west, east;
};

// Generous boxes around land: contiguous US, Alaska (both sides of the antimeridian), Hawaii,
// Puerto Rico + Virgin Islands, Guam + Northern Marianas, American Samoa.
constexpr std::array kUsEnvelopes{
    Envelope{24.0, 49.5, -125.0, -66.5},    Envelope{51.0, 71.5, -180.0, -129.5}, Envelope{51.0, 53.5, 172.0, 180.0},
    Envelope{18.5, 22.5, -160.5, -154.5},   Envelope{17.5, 18.6, -68.0, -64.5},   Envelope{13.0, 21.0, 144.5, 146.2},
    Envelope{-14.7, -11.0, -171.2, -168.0},
};

}  // namespace

std::span<const Jurisdiction> all_jurisdictions() { return kJurisdictions; }

std::optional<Jurisdiction> find_jurisdiction(std::string_view code) {
  auto it = std::find_if(kJurisdictions.begin(), kJurisdictions.end(), [&](const auto& j) { return j.code == code; });
  if (it == kJurisdictions.end()) return std::nullopt;
  return *it;
}

std::optional<Jurisdiction> find_jurisdiction_by_fips(std::string_view fips) {
  if (fips.empty()) return std::nullopt;
  auto it = std::find_if(kJurisdictions.begin(), kJurisdictions.end(), [&](const auto& j) { return j.fips == fips; });
  if (it == kJurisdictions.end()) return std::nullopt;
  return *it;
}

std::optional<Jurisdiction> find_jurisdiction_by_name(std::string_view name) {
  auto it = std::find_if(kJurisdictions.begin(), kJurisdictions.end(), [&](const auto& j) { return j.name == name; });
  if (it == kJurisdictions.end()) return std::nullopt;
  return *it;
}

std::string_view jurisdiction_kind_name(JurisdictionKind kind) {
  switch (kind) {
    case K::state: return "state";
    case K::district: return "district";
    case K::territory: return "territory";
    case K::postal_only: return "postal_only";
  }
  return "state";
}

bool is_inside_us_envelope(double latitude, double longitude) {
  return std::any_of(kUsEnvelopes.begin(), kUsEnvelopes.end(), [&](const Envelope& e) {
    return latitude >= e.south && latitude <= e.north && longitude >= e.west && longitude <= e.east;
  });
}

}  // namespace hci
