#include "analytics/hospital_stats.hpp"

#include <vector>

#include "analytics/statistics.hpp"

namespace hci::analytics {

namespace {

template <typename T>
nlohmann::ordered_json nullable(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json counts_json(const std::map<std::string, int>& counts) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [key, count] : counts) object[key] = count;
  return object;
}

}  // namespace

std::optional<double> HospitalStats::share_of(int part) const {
  if (count == 0) return std::nullopt;
  return static_cast<double>(part) / count;
}

std::optional<double> HospitalStats::top_rated_share() const {
  if (rated == 0) return std::nullopt;
  return static_cast<double>(rated_4_or_5) / rated;
}

HospitalStats summarize_hospitals(std::span<const Hospital* const> hospitals) {
  HospitalStats stats;
  std::vector<double> ratings;
  for (const Hospital* h : hospitals) {
    ++stats.count;
    stats.emergency += h->emergency_services ? 1 : 0;
    stats.critical_access += h->type == kCriticalAccessType ? 1 : 0;
    ++stats.by_type[h->type];
    ++stats.by_ownership[h->ownership];
    if (!h->rating) continue;
    ++stats.rated;
    ++stats.rating_counts[static_cast<std::size_t>(*h->rating - 1)];
    stats.rated_4_or_5 += *h->rating >= 4 ? 1 : 0;
    ratings.push_back(*h->rating);
  }
  stats.mean_rating = mean(ratings);
  stats.median_rating = median(ratings);
  return stats;
}

nlohmann::ordered_json hospital_stats_json(const HospitalStats& s) {
  nlohmann::ordered_json distribution = nlohmann::ordered_json::object();
  for (int stars = 1; stars <= 5; ++stars) distribution[std::to_string(stars)] = s.rating_counts[stars - 1];
  return {{"hospitals", s.count},
          {"rated", s.rated},
          {"rated_share", nullable(s.share_of(s.rated))},
          {"mean_rating", nullable(s.mean_rating)},
          {"median_rating", nullable(s.median_rating)},
          {"rated_4_or_5_share", nullable(s.top_rated_share())},
          {"emergency_services_share", nullable(s.share_of(s.emergency))},
          {"critical_access_share", nullable(s.share_of(s.critical_access))},
          {"rating_distribution", distribution},
          {"by_type", counts_json(s.by_type)},
          {"by_ownership", counts_json(s.by_ownership)}};
}

}  // namespace hci::analytics
