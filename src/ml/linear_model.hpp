#pragma once
// Ordinary least squares with standard errors and prediction intervals (Eigen).

#include <string>
#include <vector>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace hci::ml {

/// A prediction with its interval for a new observation.
struct IntervalPrediction {
  double value = 0;
  double low = 0;
  double high = 0;
};

/// An OLS fit of y = X b + e with an intercept added in front of X's columns. Coefficient standard
/// errors are sqrt(diag(s^2 (X'X)^-1)) with s^2 = RSS / (n - p), as statsmodels reports them.
class LinearModel {
 public:
  LinearModel() = default;
  /// Fits `y` on `x` (rows are observations, no intercept column: one is added). Throws
  /// hci::Error(invalid_input) when there are no more rows than parameters or X'X is singular.
  static LinearModel fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, std::vector<std::string> names);

  /// The fitted value of one observation (no intercept in `x`).
  double predict(const Eigen::VectorXd& x) const;
  /// The prediction with its `level` (e.g. 0.95) prediction interval: value +- t(n-p) s sqrt(1 + x'(X'X)^-1 x).
  IntervalPrediction predict_interval(const Eigen::VectorXd& x, double level) const;

  /// Intercept first, then one per column.
  const Eigen::VectorXd& coefficients() const { return coefficients_; }
  /// Standard errors, in the order of coefficients().
  const Eigen::VectorXd& standard_errors() const { return standard_errors_; }
  /// "intercept", then the column names.
  const std::vector<std::string>& names() const { return names_; }
  /// Residual degrees of freedom n - p.
  double residual_df() const { return residual_df_; }
  /// In-sample R2.
  double r_squared() const { return r_squared_; }

  /// The fit as JSON (coefficients with standard errors and t / p values, s^2, df, R2, (X'X)^-1) and back.
  nlohmann::ordered_json to_json() const;
  static LinearModel from_json(const nlohmann::json& document);

 private:
  std::vector<std::string> names_;
  Eigen::VectorXd coefficients_;
  Eigen::VectorXd standard_errors_;
  Eigen::MatrixXd xtx_inverse_;
  double sigma2_ = 0;
  double residual_df_ = 0;
  double r_squared_ = 0;
};

}  // namespace hci::ml
