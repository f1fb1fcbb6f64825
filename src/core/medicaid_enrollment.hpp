#pragma once
// A state's monthly Medicaid and CHIP report (data.medicaid.gov): enrollment, applications, expansion status.

#include <optional>
#include <string>

namespace hci {

/// One state's Medicaid and CHIP figures for one reporting month, from CMS's Updated report where one
/// exists and its Preliminary report otherwise. A figure the state did not report is null.
struct MedicaidEnrollment {
  std::string state;                                // USPS code
  std::string month;                                // YYYY-MM
  bool expanded = false;                            // "State Expanded Medicaid" for that month
  bool updated = false;                             // true for CMS's Updated report, false for a Preliminary one
  std::optional<double> total_enrollment;           // Total Medicaid and CHIP Enrollment
  std::optional<double> medicaid_enrollment;        // Total Medicaid Enrollment
  std::optional<double> chip_enrollment;            // Total CHIP Enrollment
  std::optional<double> adult_medicaid_enrollment;  // Total Adult Medicaid Enrollment
  std::optional<double> child_enrollment;           // Medicaid and CHIP Child Enrollment
  std::optional<double> new_applications;           // New Applications Submitted to Medicaid and CHIP Agencies
  std::optional<double> determinations;             // Total Medicaid and CHIP Determinations
  std::string footnotes;                            // CMS's footnotes on these figures, "Figure: note" joined by " | "
};

}  // namespace hci
