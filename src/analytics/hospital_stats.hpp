#pragma once
// Counts and star-rating statistics of a group of hospitals: a state, a county or the nation.

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/hospital.hpp"

namespace hci::analytics {

/// What a group of hospitals looks like; shares are over all hospitals of the group (0..1).
struct HospitalStats {
  int count = 0;
  int rated = 0;
  int emergency = 0;
  int critical_access = 0;
  int rated_4_or_5 = 0;
  std::array<int, 5> rating_counts{};  // hospitals with 1..5 stars
  std::optional<double> mean_rating;
  std::optional<double> median_rating;
  std::map<std::string, int> by_type;
  std::map<std::string, int> by_ownership;

  /// part / count, or nullopt for an empty group.
  std::optional<double> share_of(int part) const;
  /// rated_4_or_5 / rated: the share of rated hospitals with 4 or 5 stars.
  std::optional<double> top_rated_share() const;
};

/// The CMS hospital type of critical access hospitals.
inline constexpr std::string_view kCriticalAccessType = "Critical Access Hospitals";

/// Summarises a group of hospitals.
HospitalStats summarize_hospitals(std::span<const Hospital* const> hospitals);

/// The statistics as JSON (counts, shares, mean and median rating, rating distribution, by type and ownership).
nlohmann::ordered_json hospital_stats_json(const HospitalStats& stats);

}  // namespace hci::analytics
