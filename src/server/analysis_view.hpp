#pragma once
// The stored analysis of the served dataset version (`hci analyze`), parsed once when a snapshot loads.

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/county_profiles.hpp"
#include "core/dataset.hpp"
#include "core/hospital.hpp"
#include "core/metric_table.hpp"

namespace hci::server {

/// Area tables, benchmarks, correlation matrices, insights, access and Medicaid expansion of one version. Immutable
/// after construction; thread-safe reads.
class AnalysisView {
 public:
  /// Parses the documents of a version; nullptr when `hci analyze` has not run on it (no documents).
  /// Throws hci::Error(invalid_input) when a document is missing or malformed.
  static std::unique_ptr<const AnalysisView> parse(const std::vector<AnalysisDocument>& documents,
                                                   std::span<const Hospital> hospitals);

  /// States, DC and territories by metric.
  const MetricTable& states() const { return states_; }
  /// Counties by metric.
  const MetricTable& counties() const { return counties_; }
  /// National value and benchmark of each county metric, in the county table's order.
  std::span<const analytics::MeasureBenchmark> benchmarks() const { return benchmarks_; }
  /// The rendered correlation matrix of a level and method, or nullptr.
  const std::string* correlations(std::string_view level, std::string_view method) const;
  /// Every insight, in generation order.
  const nlohmann::ordered_json& insights() const { return insights_; }
  /// The access-to-care analysis.
  const nlohmann::ordered_json& access() const { return access_; }
  /// The rendered Medicaid expansion analysis, or nullptr when the version was analysed before it existed.
  const std::string* medicaid_expansion() const { return medicaid_expansion_ ? &*medicaid_expansion_ : nullptr; }
  /// A state's hospital statistics and metric ranks, or nullptr.
  const nlohmann::ordered_json* state_profile(std::string_view code) const;
  /// The CMS ids of the hospitals in a county (by FIPS), in id order.
  std::span<const std::string> hospitals_in_county(std::string_view fips) const;

 private:
  AnalysisView() = default;

  MetricTable states_;
  MetricTable counties_;
  std::vector<analytics::MeasureBenchmark> benchmarks_;
  std::map<std::string, std::string, std::less<>> correlations_;
  nlohmann::ordered_json insights_;
  nlohmann::ordered_json access_;
  std::optional<std::string> medicaid_expansion_;
  nlohmann::ordered_json state_profiles_;
  std::map<std::string, std::vector<std::string>, std::less<>> county_hospitals_;
};

}  // namespace hci::server
