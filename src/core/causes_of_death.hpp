#pragma once
// The causes of death NCHS reports by state, as the panel names them.

#include <array>

namespace hci {

/// One cause: NCHS's short name in the file, the suffix of its indicators (age_adjusted_death_rate_<suffix>,
/// deaths_<suffix>) and its name inside a sentence.
struct CauseOfDeath {
  const char* nchs_name;
  const char* indicator_suffix;
  const char* label;
};

/// Every cause NCHS's leading-causes file reports, "All causes" first.
inline constexpr std::array<CauseOfDeath, 11> kCausesOfDeath{{
    {"All causes", "all_causes", "all causes"},
    {"Alzheimer's disease", "alzheimers_disease", "Alzheimer's disease"},
    {"CLRD", "chronic_lower_respiratory_disease", "chronic lower respiratory disease"},
    {"Cancer", "cancer", "cancer"},
    {"Diabetes", "diabetes", "diabetes"},
    {"Heart disease", "heart_disease", "heart disease"},
    {"Influenza and pneumonia", "influenza_and_pneumonia", "influenza and pneumonia"},
    {"Kidney disease", "kidney_disease", "kidney disease"},
    {"Stroke", "stroke", "stroke"},
    {"Suicide", "suicide", "suicide"},
    {"Unintentional injuries", "unintentional_injuries", "unintentional injuries"},
}};

}  // namespace hci
