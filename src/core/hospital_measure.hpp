#pragma once
// The hospital measure catalogue: what each Care Compare or Medicare measure is, how to read it, and
// which period and file it comes from. Values are long (core/measure_value.hpp), one row per hospital and
// measure, so a new CMS file adds catalogue entries and values, not tables.

#include <optional>
#include <string>

namespace hci {

/// One measure of the hospital measure catalogue.
struct HospitalMeasure {
  std::string id;            // CMS's own id ("READM-30-HF-HRRP", "MSPB-1", "H_STAR_RATING") or a stable id of ours
  std::string name;          // CMS's wording
  std::string group;         // readmission, mortality, safety, patient_experience, value_based_purchasing,
                             // spending or payment
  std::string direction;     // lower_is_better, higher_is_better or neutral
  std::string unit;          // ratio, sir, proportion, z_score, percent, stars, score, count, dollars
                             // or days
  std::string period_start;  // ISO date of the measurement period's first day; empty when not given
  std::string period_end;    // ISO date of its last day
  std::optional<int> fiscal_year;  // the federal fiscal year of the payment program (HRRP, HAC, VBP) it feeds
  std::string source;              // the source (SourceSpec name) the measure was read from
  std::optional<double> national;  // the national value CMS publishes, when it publishes one
};

}  // namespace hci
