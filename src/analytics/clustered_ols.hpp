#pragma once
// Ordinary least squares with standard errors clustered by group, as statsmodels' OLS with cov_type="cluster".

#include <cstddef>
#include <span>

#include <Eigen/Dense>

namespace hci::analytics {

/// One coefficient with its cluster-robust evidence: t with G - 1 degrees of freedom, two-sided p, 95% CI.
struct CoefficientEstimate {
  double value = 0;
  double standard_error = 0;
  double t = 0;
  double df = 0;
  double p_value = 1;
  double ci_low = 0;
  double ci_high = 0;
};

/// A least-squares fit with its CR1 covariance V = c (X'X)^-1 (sum_g X_g' u_g u_g' X_g) (X'X)^-1,
/// c = G/(G-1) * (N-1)/(N-K) (statsmodels' default small-sample correction).
struct ClusteredFit {
  Eigen::VectorXd coefficients;
  Eigen::MatrixXd covariance;
  std::size_t observations = 0;
  std::size_t clusters = 0;

  /// Coefficient `column` with its standard error, t (G - 1 df), p and 95% interval.
  CoefficientEstimate estimate(Eigen::Index column) const;
};

/// Fits y = X b; `cluster[i]` names row i's group (0..G-1, any order). Throws hci::Error(invalid_input) when X
/// does not have full column rank, has no more rows than columns, or there are fewer than 2 clusters.
ClusteredFit fit_clustered_ols(const Eigen::MatrixXd& design, const Eigen::VectorXd& outcome,
                               std::span<const int> cluster);

}  // namespace hci::analytics
