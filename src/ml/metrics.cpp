#include "ml/metrics.hpp"

#include <cmath>

namespace hci::ml {

RegressionScores score_regression(std::span<const double> actual, std::span<const double> predicted) {
  RegressionScores scores;
  scores.n = actual.size();
  if (actual.empty()) return scores;
  double mean = 0;
  for (double a : actual) mean += a;
  mean /= static_cast<double>(actual.size());
  double residual = 0, total = 0, absolute = 0;
  std::size_t hits = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double error = predicted[i] - actual[i];
    residual += error * error;
    total += (actual[i] - mean) * (actual[i] - mean);
    absolute += std::fabs(error);
    hits += std::round(predicted[i]) == actual[i] ? 1 : 0;
  }
  const double n = static_cast<double>(actual.size());
  scores.r2 = total == 0 ? 0 : 1 - residual / total;
  scores.mae = absolute / n;
  scores.rmse = std::sqrt(residual / n);
  scores.rounded_accuracy = static_cast<double>(hits) / n;
  return scores;
}

nlohmann::ordered_json scores_json(const RegressionScores& s) {
  return {{"r2", s.r2}, {"mae", s.mae}, {"rmse", s.rmse}, {"rounded_accuracy", s.rounded_accuracy}, {"n", s.n}};
}

}  // namespace hci::ml
