#pragma once
// Generated statements about the data, each with the test and the numbers behind it.

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/correlations.hpp"
#include "core/dataset_tables.hpp"
#include "core/geography.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// The significance level every insight must pass (on BH-adjusted p-values where several are tested).
inline constexpr double kSignificance = 0.05;

/// One generated statement: a stable id, its category (hospital, cost, demographic, quality, access), the
/// sentence, and the evidence (test, statistic, p-value, n, the values compared).
struct Insight {
  std::string id;
  std::string category;
  std::string sentence;
  nlohmann::ordered_json evidence;
};

/// What the insight generator reads: the area tables, their Pearson matrices, the raw records, access and the
/// Medicaid expansion analysis (nullptr: none).
struct InsightInputs {
  const MetricTable& states;
  const MetricTable& counties;
  const CorrelationMatrix& state_correlations;
  const CorrelationMatrix& county_correlations;
  const DatasetTables& tables;
  std::span<const ZipAccess> access;
  const nlohmann::ordered_json* medicaid_expansion;
};

/// Every insight whose test is significant, in a fixed order; the same inputs give the same insights.
std::vector<Insight> generate_insights(const InsightInputs& inputs);

/// Insights as a JSON array.
nlohmann::ordered_json insights_json(std::span<const Insight> insights);

}  // namespace hci::analytics
