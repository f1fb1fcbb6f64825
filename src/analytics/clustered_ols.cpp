#include "analytics/clustered_ols.hpp"

#include <algorithm>
#include <set>

#include "analytics/statistics.hpp"
#include "core/error.hpp"

namespace hci::analytics {

CoefficientEstimate ClusteredFit::estimate(Eigen::Index column) const {
  CoefficientEstimate estimate;
  estimate.value = coefficients(column);
  estimate.standard_error = std::sqrt(covariance(column, column));
  estimate.df = static_cast<double>(clusters - 1);
  estimate.t = estimate.value / estimate.standard_error;
  estimate.p_value = two_sided_t_p(estimate.t, estimate.df);
  const double margin = students_t_quantile(0.975, estimate.df) * estimate.standard_error;
  estimate.ci_low = estimate.value - margin;
  estimate.ci_high = estimate.value + margin;
  return estimate;
}

ClusteredFit fit_clustered_ols(const Eigen::MatrixXd& design, const Eigen::VectorXd& outcome,
                               std::span<const int> cluster) {
  const auto n = design.rows(), k = design.cols();
  const std::set<int> groups(cluster.begin(), cluster.end());
  if (n <= k || groups.size() < 2 || static_cast<std::size_t>(n) != cluster.size()) {
    throw Error(ErrorCode::invalid_input, "regression needs more rows than columns and at least 2 clusters");
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  if (qr.rank() < k) throw Error(ErrorCode::invalid_input, "regression design is collinear");
  ClusteredFit fit;
  fit.coefficients = qr.solve(outcome);
  fit.observations = static_cast<std::size_t>(n);
  fit.clusters = groups.size();
  const Eigen::MatrixXd bread = (design.transpose() * design).inverse();
  const Eigen::VectorXd residuals = outcome - design * fit.coefficients;
  const int largest = *groups.rbegin();
  Eigen::MatrixXd scores = Eigen::MatrixXd::Zero(largest + 1, k);
  for (Eigen::Index row = 0; row < n; ++row) scores.row(cluster[row]) += residuals(row) * design.row(row);
  const Eigen::MatrixXd meat = scores.transpose() * scores;
  const double g = static_cast<double>(fit.clusters);
  const double correction = g / (g - 1) * static_cast<double>(n - 1) / static_cast<double>(n - k);
  fit.covariance = correction * bread * meat * bread;
  return fit;
}

}  // namespace hci::analytics
