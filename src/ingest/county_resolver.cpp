#include "ingest/county_resolver.hpp"

#include <array>
#include <sstream>

#include "core/text.hpp"

namespace hci {

namespace {

constexpr std::array<std::string_view, 6> kSuffixes{" CITY AND BOROUGH", " CENSUS AREA", " MUNICIPALITY",
                                                    " BOROUGH",          " COUNTY",      " PARISH"};

std::string strip_suffix(std::string key) {
  for (auto suffix : kSuffixes) {
    if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      key.resize(key.size() - suffix.size());
      return key;
    }
  }
  return key;
}

}  // namespace

std::string CountyResolver::name_key(std::string_view county_name) {
  std::string key = strip_suffix(normalize_name_key(county_name));
  std::istringstream words(key);
  std::string word, out;
  while (words >> word) {
    if (word == "SAINT") word = "ST";
    if (word == "SAINTE") word = "STE";
    out += word;  // spaces dropped: "DE KALB" and "DEKALB" meet
  }
  return out;
}

void CountyResolver::add(const County& county) {
  fips_by_key_.emplace(county.state + '|' + name_key(county.name), county.fips);
}

std::optional<std::string> CountyResolver::resolve(std::string_view state, std::string_view county_name) const {
  auto it = fips_by_key_.find(std::string(state) + '|' + name_key(county_name));
  if (it == fips_by_key_.end()) return std::nullopt;
  return it->second;
}

}  // namespace hci
