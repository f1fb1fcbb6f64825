#include "analytics/access.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "analytics/statistics.hpp"
#include "core/us_states.hpp"

namespace hci::analytics {

namespace {

constexpr std::size_t kFarthestPerState = 5;

double km(const ZipAccess& zip) { return zip.distance_m / 1000.0; }

using Groups = std::map<std::string, std::vector<const ZipAccess*>>;

// The `count` ZIPs farthest from emergency care, farthest first.
nlohmann::ordered_json farthest_json(std::vector<const ZipAccess*> zips, std::size_t count) {
  std::stable_sort(zips.begin(), zips.end(),
                   [](const ZipAccess* a, const ZipAccess* b) { return a->distance_m > b->distance_m; });
  zips.resize(std::min(zips.size(), count));
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ZipAccess* zip : zips) {
    list.push_back({{"zip", zip->zip},
                    {"city", zip->city},
                    {"state", zip->state},
                    {"county_fips", zip->county_fips ? nlohmann::ordered_json(*zip->county_fips) : nullptr},
                    {"latitude", zip->point.latitude},
                    {"longitude", zip->point.longitude},
                    {"nearest_emergency_hospital", zip->hospital_id},
                    {"distance_km", km(*zip)}});
  }
  return list;
}

// One summary per group (state or county), with its farthest ZIPs when `farthest` > 0.
nlohmann::ordered_json groups_json(const Groups& groups, const char* key_name, std::size_t farthest) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [key, zips] : groups) {
    nlohmann::ordered_json entry = {{key_name, key}};
    entry.update(access_summary_json(summarize_access(zips)));
    if (farthest > 0) entry["farthest"] = farthest_json(zips, farthest);
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace

bool is_jurisdiction_zip(const ZipAccess& zip) {
  const auto jurisdiction = find_jurisdiction(zip.state);
  return jurisdiction && jurisdiction->kind != JurisdictionKind::postal_only;
}

AccessSummary summarize_access(std::span<const ZipAccess* const> zips) {
  AccessSummary summary;
  std::vector<double> distances;
  for (const ZipAccess* zip : zips) {
    if (zip->hospital_id.empty()) continue;
    distances.push_back(km(*zip));
    summary.farther_than_30km += km(*zip) > kFarKm ? 1 : 0;
    summary.farther_than_60km += km(*zip) > kVeryFarKm ? 1 : 0;
    summary.max_km = std::max(summary.max_km, km(*zip));
  }
  summary.zips = static_cast<int>(distances.size());
  summary.median_km = median(distances).value_or(0);
  summary.p90_km = quantile(distances, 0.9).value_or(0);
  return summary;
}

nlohmann::ordered_json access_summary_json(const AccessSummary& s) {
  const double n = s.zips == 0 ? 1 : s.zips;
  return {{"zips", s.zips},
          {"median_km", s.median_km},
          {"p90_km", s.p90_km},
          {"max_km", s.max_km},
          {"farther_than_30km", s.farther_than_30km},
          {"share_farther_than_30km", s.farther_than_30km / n},
          {"farther_than_60km", s.farther_than_60km},
          {"share_farther_than_60km", s.farther_than_60km / n}};
}

nlohmann::ordered_json access_analysis_json(std::span<const ZipAccess> zips, std::size_t desert_count) {
  std::vector<const ZipAccess*> all;
  Groups by_state, by_county;
  for (const auto& zip : zips) {
    if (!is_jurisdiction_zip(zip)) continue;
    all.push_back(&zip);
    by_state[zip.state].push_back(&zip);
    if (zip.county_fips) by_county[*zip.county_fips].push_back(&zip);
  }
  return {
      {"method", "great-circle distance from each ZIP centroid to the nearest CMS hospital with emergency services"},
      {"thresholds_km", {kFarKm, kVeryFarKm}},
      {"national", access_summary_json(summarize_access(all))},
      {"states", groups_json(by_state, "state", kFarthestPerState)},
      {"counties", groups_json(by_county, "county_fips", 0)},
      {"care_deserts", farthest_json(all, desert_count)}};
}

}  // namespace hci::analytics
