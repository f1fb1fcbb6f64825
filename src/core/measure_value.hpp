#pragma once
// One hospital's value of one catalogued measure (core/hospital_measure.hpp), with why it is missing.

#include <optional>
#include <string>

namespace hci {

/// A hospital's value of one measure. A missing value keeps CMS's reason word and footnote codes; it is
/// never turned into a number.
struct MeasureValue {
  std::string facility_id;  // CMS Certification Number (CCN) of a hospital of the same dataset
  std::string measure_id;   // a HospitalMeasure id
  std::optional<double> value;
  std::string missing_reason;         // CMS's word when value is null ("Not Available", "Too Few to Report"...)
  std::string footnote;               // CMS footnote codes ("5", "16, 23"), explained by the Footnote Crosswalk
  std::optional<double> denominator;  // discharges or completed surveys behind the value, where CMS gives them
  std::string comparison;             // CMS's own verdict, when the file gives one ("Better than the National Rate")
};

}  // namespace hci
