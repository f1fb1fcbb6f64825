#pragma once
// Yearly state-panel values derived from the monthly Medicaid and CHIP reports and the population series.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/indicators.hpp"
#include "core/medicaid_enrollment.hpp"

namespace hci::ingest {

/// Collects monthly reports and population values, then gives the yearly panel indicators: enrollment as
/// the mean of the year's reported months (medicaid_chip_enrollment, medicaid_enrollment, chip_enrollment,
/// adult_medicaid_enrollment), enrollment per 100 residents, and medicaid_expanded (1 when the year's last
/// reported month says expanded). The US value of an enrollment figure is the sum of the states' values,
/// given only for years in which every state and DC has one.
class MedicaidEnrollmentPanel {
 public:
  /// Keeps a population value: the Census estimate ("population") wins over the ACS total
  /// ("coverage_total_population") of the same state and year; other indicators are ignored.
  void add_population(const StateIndicator& indicator);
  /// Adds one state's report for one month.
  void add(const MedicaidEnrollment& month);
  /// The yearly indicators, by state, indicator and year.
  std::vector<StateIndicator> indicators() const;

 private:
  // One figure's sum and count of reported months over a year.
  struct Mean {
    double sum = 0;
    int months = 0;
  };
  // A state's year: one mean per figure and the status of its last reported month.
  struct Year {
    std::map<std::string, Mean> figures;
    std::string last_month;
    bool expanded_last_month = false;
  };
  void add_state_year(std::vector<StateIndicator>& out, const std::string& state, int year, const Year& data) const;
  void add_national(std::vector<StateIndicator>& out) const;
  void add_per_100(std::vector<StateIndicator>& out, const std::string& state, int year, const std::string& name,
                   double enrollees) const;

  std::map<std::pair<std::string, int>, Year> years_;
  std::map<std::pair<std::string, int>, std::pair<double, bool>> population_;  // value, is a Census estimate
};

}  // namespace hci::ingest
