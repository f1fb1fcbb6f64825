#include "pipeline/quality_gate.hpp"

#include <fmt/format.h>

namespace hci::pipeline {

std::vector<std::string> quality_gate_violations(const QualityThresholds& limits, const nlohmann::json& report,
                                                 const nlohmann::json& summary) {
  std::vector<std::string> violations;
  const auto& metrics = report.at("metrics");
  const long errors = report.value("error_count", 0L);
  if (errors > limits.max_error_rows) {
    violations.push_back(fmt::format("{} rows broke hard rules (at most {} allowed)", errors, limits.max_error_rows));
  }
  const long hospitals = summary.value("hospitals", 0L);
  if (hospitals < limits.min_hospitals) {
    violations.push_back(
        fmt::format("only {} hospitals loaded (at least {} expected)", hospitals, limits.min_hospitals));
  }
  const double geocoded = metrics.value("geocoded_pct", 0.0);
  if (geocoded < limits.min_geocoded_pct) {
    violations.push_back(
        fmt::format("{:.1f}% of hospitals geocoded (at least {:.1f}% required)", geocoded, limits.min_geocoded_pct));
  }
  const double counties = metrics.value("county_fips_resolved_pct", 0.0);
  if (counties < limits.min_county_resolved_pct) {
    violations.push_back(fmt::format("{:.1f}% of hospitals placed in a county (at least {:.1f}% required)", counties,
                                     limits.min_county_resolved_pct));
  }
  return violations;
}

}  // namespace hci::pipeline
