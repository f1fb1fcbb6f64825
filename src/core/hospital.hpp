#pragma once
// A Medicare-certified hospital from CMS Care Compare, typed, geocoded and linked to its bed count.

#include <optional>
#include <string>

namespace hci {

/// One CMS measure group (mortality, safety, ...): how many measures exist and how the hospital compares.
/// Patient experience and timely-and-effective care publish only the two counts, so the comparisons are null.
struct MeasureGroup {
  std::optional<int> measures;           // measures in the group nationally
  std::optional<int> facility_measures;  // measures this hospital reported
  std::optional<int> better;             // better than the national rate
  std::optional<int> no_different;       // no different from the national rate
  std::optional<int> worse;              // worse than the national rate
  std::string footnote;                  // CMS footnote codes, e.g. "5" or "16, 23"
};

/// A hospital row after parsing and validation; optional fields are null where the source has no value.
struct Hospital {
  std::string id;  // CMS Certification Number (Facility ID), 6 characters
  std::string name;
  std::string address;
  std::string city;
  std::string state;  // USPS code
  std::string zip;    // 5 digits, zero-padded
  std::string county;
  std::optional<std::string> county_fips;  // resolved from state + county name, null when unresolved
  std::string phone;
  std::string type;
  std::string ownership;
  bool emergency_services = false;
  bool birthing_friendly = false;
  std::optional<int> rating;  // CMS overall star rating 1..5, null when not rated
  std::string rating_footnote;
  MeasureGroup mortality;
  MeasureGroup safety;
  MeasureGroup readmission;
  MeasureGroup patient_experience;
  MeasureGroup timely_effective;
  std::optional<double> latitude;  // ZIP centroid of the hospital's ZIP code
  std::optional<double> longitude;
  std::optional<int> beds;              // from the linked HIFLD record, null when unmatched
  std::optional<std::string> hifld_id;  // the linked HIFLD record, for audit
};

}  // namespace hci
