#pragma once
// Difference-in-differences with unit and year fixed effects and a binned event study, clustered by unit.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/clustered_ols.hpp"

namespace hci::analytics {

/// One unit-year outcome; `adoption_year` is the first treated year of the unit, none for a never-treated unit.
struct PanelObservation {
  std::string unit;
  int year = 0;
  double outcome = 0;
  std::optional<int> adoption_year;
};

/// The two-way fixed-effects estimate of y = a_unit + g_year + b * treated + e, clustered by unit.
struct DifferenceInDifferences {
  CoefficientEstimate effect;
  std::size_t observations = 0;
  std::size_t units = 0;
  std::size_t treated_units = 0;  // units treated in at least one observed year
  std::size_t years = 0;
};

/// Estimates the two-way fixed-effects model; nullopt when the panel cannot identify it (no treated or no
/// untreated observation, collinear design).
std::optional<DifferenceInDifferences> two_way_fixed_effects(std::span<const PanelObservation> panel);

/// Event-time bins of an event study: years since adoption clamped to [first, last], `reference` left out.
struct EventWindow {
  int first = -5;
  int last = 8;
  int reference = -1;
};

/// One event-time coefficient; the reference bin has effect 0 and no evidence.
struct EventTimeEffect {
  int event_time = 0;
  std::optional<CoefficientEstimate> effect;  // none for the reference bin
  std::size_t observations = 0;               // treated observations in this bin
};

/// The event study y = a_unit + g_year + sum_k d_k [binned year - adoption = k] + e (k != reference), clustered
/// by unit; bins without observations are left out. Empty when the panel cannot identify it.
std::vector<EventTimeEffect> event_study(std::span<const PanelObservation> panel, const EventWindow& window);

}  // namespace hci::analytics
