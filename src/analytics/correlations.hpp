#pragma once
// Correlation matrices over the metrics of an area table, with significance corrected for multiplicity.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/statistics.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// One pair of variables: the coefficient with its evidence and the Benjamini-Hochberg adjusted p-value.
struct CorrelationCell {
  std::size_t row = 0;     // index into CorrelationMatrix::variables
  std::size_t column = 0;  // > row
  Correlation correlation;
  double p_adjusted = 1;
};

/// Every pair of the chosen variables (upper triangle). Pairs with too few complete rows are absent.
struct CorrelationMatrix {
  std::string level;
  CorrelationMethod method = CorrelationMethod::pearson;
  std::vector<const Metric*> variables;
  std::vector<CorrelationCell> cells;

  /// The cell of two variables in either order, or nullptr.
  const CorrelationCell* find(std::string_view a, std::string_view b) const;
};

/// The metrics correlated at each level: hospital statistics, the state panel and the CHR measures that
/// bear on outcomes, supply, cost and their social determinants.
std::vector<std::string> default_correlation_variables(std::string_view level);

/// Correlates every pair of `variables` (names present in `table`; unknown ones are skipped) over the
/// pairwise-complete rows, and adjusts the p-values across the matrix (Benjamini-Hochberg).
CorrelationMatrix correlation_matrix(const MetricTable& table, std::span<const std::string> variables,
                                     CorrelationMethod method);

/// The matrix as JSON: the variables, then square arrays r, n, p, p_adjusted, ci_low, ci_high (null on the
/// diagonal and where a pair has too few rows), and the BH note.
nlohmann::ordered_json correlation_matrix_json(const CorrelationMatrix& matrix);

}  // namespace hci::analytics
