#pragma once
// The reference list of US states, DC, territories and postal-only codes, with FIPS and names.

#include <optional>
#include <span>
#include <string_view>

namespace hci {

/// What a postal code stands for; only states, DC and territories can hold hospitals and indicators.
enum class JurisdictionKind { state, district, territory, postal_only };

/// One postal jurisdiction: "TX", "48", "Texas", state.
struct Jurisdiction {
  std::string_view code;
  std::string_view fips;  // empty for postal-only codes (military mail, freely associated states)
  std::string_view name;
  JurisdictionKind kind;
};

/// Every known jurisdiction, states first in alphabetical order of code.
std::span<const Jurisdiction> all_jurisdictions();

/// The jurisdiction with this USPS code, or nullopt.
std::optional<Jurisdiction> find_jurisdiction(std::string_view code);

/// The jurisdiction with this 2-digit state FIPS code, or nullopt.
std::optional<Jurisdiction> find_jurisdiction_by_fips(std::string_view fips);

/// The jurisdiction with this exact name ("District of Columbia"), or nullopt.
std::optional<Jurisdiction> find_jurisdiction_by_name(std::string_view name);

/// The lowercase name of a kind ("state", "district", "territory", "postal_only").
std::string_view jurisdiction_kind_name(JurisdictionKind kind);

/// True when a point lies in the land envelope of the US states, DC or territories.
bool is_inside_us_envelope(double latitude, double longitude);

}  // namespace hci
