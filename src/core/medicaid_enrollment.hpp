#pragma once
// A state's monthly Medicaid and CHIP report (data.medicaid.gov): enrollment, applications, expansion status.

#include <array>
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

/// One figure of a monthly report: its field, the CMS column it comes from and the indicator it is served as.
struct MedicaidFigure {
  std::optional<double> MedicaidEnrollment::*field;
  const char* cms_column;  // the file's column; its footnotes are in "<cms_column> - footnotes"
  const char* indicator;   // monthly (and, where `yearly`, yearly mean) indicator name
  bool yearly;             // also a yearly panel value
};

/// Every figure of a monthly report, once.
inline constexpr std::array<MedicaidFigure, 7> kMedicaidFigures{{
    {&MedicaidEnrollment::total_enrollment, "Total Medicaid and CHIP Enrollment", "medicaid_chip_enrollment", true},
    {&MedicaidEnrollment::medicaid_enrollment, "Total Medicaid Enrollment", "medicaid_enrollment", true},
    {&MedicaidEnrollment::chip_enrollment, "Total CHIP Enrollment", "chip_enrollment", true},
    {&MedicaidEnrollment::adult_medicaid_enrollment, "Total Adult Medicaid Enrollment", "adult_medicaid_enrollment",
     true},
    {&MedicaidEnrollment::child_enrollment, "Medicaid and CHIP Child Enrollment", "child_enrollment", false},
    {&MedicaidEnrollment::new_applications, "New Applications Submitted to Medicaid and CHIP Agencies",
     "new_applications", false},
    {&MedicaidEnrollment::determinations, "Total Medicaid and CHIP Determinations", "determinations", false},
}};

}  // namespace hci
