#include "server/dashboard_summary.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace hci::server {

namespace {

// Counts by a text key, most frequent first (ties by key).
nlohmann::ordered_json counts_by(std::span<const Hospital> hospitals, std::string Hospital::*key) {
  std::map<std::string, int> counts;
  for (const auto& hospital : hospitals) ++counts[hospital.*key];
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [value, count] : sorted) list.push_back({{"value", value}, {"count", count}});
  return list;
}

template <typename Metric>
nlohmann::ordered_json top_states(std::span<const StateProfile> states, Metric metric, const char* field) {
  std::vector<const StateProfile*> ranked;
  for (const auto& state : states) {
    if (metric(state)) ranked.push_back(&state);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const StateProfile* a, const StateProfile* b) { return *metric(*a) > *metric(*b); });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
    const double value = *metric(*ranked[i]);
    const bool whole = value == static_cast<double>(static_cast<long>(value));
    list.push_back({{"code", ranked[i]->code},
                    {"name", ranked[i]->name},
                    {field, whole ? nlohmann::ordered_json(static_cast<long>(value)) : nlohmann::ordered_json(value)}});
  }
  return list;
}

double share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

}  // namespace

nlohmann::ordered_json build_dashboard_summary(std::span<const Hospital> hospitals,
                                               std::span<const StateProfile> states) {
  int rated = 0, emergency = 0, rating_sum = 0;
  std::array<int, 6> distribution{};  // index 0 = not rated
  for (const auto& hospital : hospitals) {
    emergency += hospital.emergency_services ? 1 : 0;
    ++distribution[static_cast<size_t>(hospital.rating.value_or(0))];
    if (hospital.rating) {
      ++rated;
      rating_sum += *hospital.rating;
    }
  }
  nlohmann::ordered_json rating_distribution = nlohmann::ordered_json::array();
  for (int stars = 1; stars <= 5; ++stars) {
    rating_distribution.push_back({{"rating", stars}, {"count", distribution[static_cast<size_t>(stars)]}});
  }
  rating_distribution.push_back({{"rating", nullptr}, {"count", distribution[0]}});
  const int total = static_cast<int>(hospitals.size());
  int states_covered = 0;
  for (const auto& state : states) states_covered += state.hospital_count > 0 ? 1 : 0;
  return {
      {"hospitals", total},
      {"states_covered", states_covered},
      {"rated", rated},
      {"rated_share", share(rated, total)},
      {"mean_rating",
       rated == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(double(rating_sum) / rated)},
      {"emergency_services", emergency},
      {"emergency_services_share", share(emergency, total)},
      {"top_states_by_hospital_count",
       top_states(
           states, [](const StateProfile& s) { return std::optional<double>(s.hospital_count); }, "hospital_count")},
      {"top_states_by_mean_rating", top_states(
                                        states, [](const StateProfile& s) { return s.mean_rating; }, "mean_rating")},
      {"ties", "states with equal values keep alphabetical order of code"},
      {"by_type", counts_by(hospitals, &Hospital::type)},
      {"by_ownership", counts_by(hospitals, &Hospital::ownership)},
      {"rating_distribution", rating_distribution},
  };
}

}  // namespace hci::server
