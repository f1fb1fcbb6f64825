#pragma once
// How to read a County Health Rankings measure: its direction, display unit and scale.

#include <span>
#include <string>
#include <string_view>

#include "core/indicators.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// The display form of a CHR raw value: proportions become percentages, provider ratios per 100k.
struct ChrPresentation {
  std::string label;        // the column name in words ("children in poverty")
  std::string description;  // the dictionary description
  std::string unit;         // "%", "per 100k", or the unit the description names
  std::string source;       // "County Health Rankings <release>"
  double scale = 1.0;       // multiply the raw value by this for display
  Direction direction = Direction::lower_is_better;
};

/// How to present a measure, from its dictionary entry (label and unit) and CHR's direction.
ChrPresentation present_chr_measure(const MeasureDefinition& definition);

/// The display scale of a CHR column (a dictionary measure or its "_ci_low"/"_ci_high" bound); 1 when unknown.
double chr_display_scale(std::span<const MeasureDefinition> dictionary, std::string_view column);

/// CHR's direction of a measure: better when higher, when lower, or neither (demographics, population).
Direction chr_direction(std::string_view measure);

}  // namespace hci::analytics
