#include "ingest/county_resolver.hpp"

#include <array>

#include "core/text.hpp"

namespace hci::ingest {

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
  const std::string words = strip_suffix(normalize_name_key(county_name));
  std::string key;
  key.reserve(words.size());
  for (size_t begin = 0; begin < words.size();) {
    size_t end = words.find(' ', begin);
    if (end == std::string::npos) end = words.size();
    std::string_view word = std::string_view(words).substr(begin, end - begin);
    key.append(word == "SAINT" ? "ST" : word == "SAINTE" ? "STE" : word);  // spaces dropped: DE KALB = DEKALB
    begin = end + 1;
  }
  return key;
}

void CountyResolver::add(const County& county) {
  fips_by_key_.emplace(county.state + '|' + name_key(county.name), county.fips);
}

std::optional<std::string> CountyResolver::resolve(std::string_view state, std::string_view county_name) const {
  auto it = fips_by_key_.find(std::string(state) + '|' + name_key(county_name));
  if (it == fips_by_key_.end()) return std::nullopt;
  return it->second;
}

}  // namespace hci::ingest
