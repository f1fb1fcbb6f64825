#pragma once
// Access to emergency care: how far each ZIP centroid is from the nearest hospital with emergency services.

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/geography.hpp"

namespace hci::analytics {

/// Distances (km) beyond which a ZIP counts as far from emergency care.
inline constexpr double kFarKm = 30.0;
inline constexpr double kVeryFarKm = 60.0;

/// Distance statistics of a group of ZIP centroids.
struct AccessSummary {
  int zips = 0;
  int farther_than_30km = 0;
  int farther_than_60km = 0;
  double median_km = 0;
  double p90_km = 0;
  double max_km = 0;
};

/// True when a ZIP belongs to a state, DC or territory (not military mail or a freely associated state):
/// only those enter the access analysis.
bool is_jurisdiction_zip(const ZipAccess& zip);

/// Summarises the distances of a group of ZIPs.
AccessSummary summarize_access(std::span<const ZipAccess* const> zips);

/// The access analysis: national summary, per state and per county (for ZIPs whose centroid lies in one),
/// each state's farthest ZIPs, and the `desert_count` farthest ZIPs ("care deserts") with their nearest
/// emergency hospital.
nlohmann::ordered_json access_analysis_json(std::span<const ZipAccess> zips, std::size_t desert_count);

/// An AccessSummary as JSON (shares 0..1 with their counts).
nlohmann::ordered_json access_summary_json(const AccessSummary& summary);

}  // namespace hci::analytics
