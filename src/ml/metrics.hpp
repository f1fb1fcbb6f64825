#pragma once
// Regression scores: R2, MAE, RMSE, and the share of rounded predictions that hit the true class.

#include <span>

#include <nlohmann/json.hpp>

namespace hci::ml {

/// How well predictions match the truth; n is the number of pairs scored.
struct RegressionScores {
  double r2 = 0;
  double mae = 0;
  double rmse = 0;
  double rounded_accuracy = 0;  // share of |round(prediction) - truth| == 0 (meaningful for integer targets)
  std::size_t n = 0;
};

/// Scores `predicted` against `actual` (same length, no missing values).
RegressionScores score_regression(std::span<const double> actual, std::span<const double> predicted);

/// The scores as JSON ({r2, mae, rmse, rounded_accuracy, n}).
nlohmann::ordered_json scores_json(const RegressionScores& scores);

}  // namespace hci::ml
