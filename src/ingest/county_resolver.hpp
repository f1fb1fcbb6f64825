#pragma once
// Resolves a county name within a state ("HOUSTON", AL) to its 5-digit FIPS code.

#include <optional>
#include <string>
#include <unordered_map>

#include "core/geography.hpp"

namespace hci::ingest {

/// Maps (state, county name) to FIPS. Names are compared without case, punctuation and the words
/// County, Parish, Borough, Census Area, Municipality and City and Borough; "city" is kept, because
/// Virginia has both Richmond County and Richmond city.
class CountyResolver {
 public:
  /// Registers a county.
  void add(const County& county);
  /// The FIPS code of the county, or nullopt when the name is unknown in that state.
  std::optional<std::string> resolve(std::string_view state, std::string_view county_name) const;
  /// The matching key of a county name (exposed for tests).
  static std::string name_key(std::string_view county_name);

 private:
  std::unordered_map<std::string, std::string> fips_by_key_;
};

}  // namespace hci::ingest
