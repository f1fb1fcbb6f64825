#include "analytics/chr_catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace hci::analytics {

namespace {

// Measures where a larger value is better; CHR ranks every other outcome and factor as lower-is-better.
constexpr std::array<std::string_view, 16> kHigherIsBetter = {"life_expectancy",
                                                              "food_environment_index",
                                                              "primary_care_physicians_rate",
                                                              "dentists_rate",
                                                              "mental_health_providers_rate",
                                                              "other_primary_care_providers_rate",
                                                              "mammography_screening",
                                                              "flu_vaccinations",
                                                              "high_school_completion",
                                                              "some_college",
                                                              "high_school_graduation",
                                                              "median_household_income",
                                                              "gender_pay_gap",
                                                              "social_associations_rate",
                                                              "homeownership",
                                                              "broadband_access"};

// Demographic context and interval bounds: no better or worse.
bool is_neutral(std::string_view measure) {
  return measure == "population" || measure.starts_with("pct_") || measure.starts_with("life_expectancy_ci");
}

// "premature_death_ypll_rate" -> "premature death ypll rate"; "_rate" is dropped where the unit says it.
std::string words_of(std::string_view name) {
  if (name.ends_with("_rate")) name.remove_suffix(5);
  std::string words(name);
  std::replace(words.begin(), words.end(), '_', ' ');
  if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return words;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

Direction chr_direction(std::string_view measure) {
  if (is_neutral(measure)) return Direction::neutral;
  if (std::find(kHigherIsBetter.begin(), kHigherIsBetter.end(), measure) != kHigherIsBetter.end()) {
    return Direction::higher_is_better;
  }
  return Direction::lower_is_better;
}

ChrPresentation present_chr_measure(const MeasureDefinition& definition) {
  ChrPresentation presentation;
  presentation.label = words_of(definition.name);
  presentation.description = definition.description;
  presentation.source = "County Health Rankings, release " + definition.release;
  presentation.direction = chr_direction(definition.name);
  const std::string_view text = definition.description;
  if (is_proportion(definition)) {
    presentation.unit = "%";
    presentation.scale = 100.0;
  } else if (contains(text, "100,000") && contains(text, "per population")) {
    presentation.unit = "per 100k";
    presentation.scale = 100000.0;
  } else if (contains(text, "per 100,000")) {
    presentation.unit = "per 100k";
  } else if (contains(text, "years")) {
    presentation.unit = "years";
  } else if (contains(text, "US dollars")) {
    presentation.unit = "USD";
  }
  return presentation;
}

double chr_display_scale(std::span<const MeasureDefinition> dictionary, std::string_view column) {
  for (std::string_view suffix : {"_ci_low", "_ci_high"}) {
    if (column.ends_with(suffix)) column.remove_suffix(suffix.size());
  }
  for (const auto& definition : dictionary) {
    if (definition.name == column) return present_chr_measure(definition).scale;
  }
  return 1.0;
}

}  // namespace hci::analytics
