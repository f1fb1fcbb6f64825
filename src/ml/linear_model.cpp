#include "ml/linear_model.hpp"

#include <cmath>

#include <boost/math/distributions/students_t.hpp>

#include "core/error.hpp"

namespace hci::ml {

namespace {

Eigen::MatrixXd with_intercept(const Eigen::MatrixXd& x) {
  Eigen::MatrixXd design(x.rows(), x.cols() + 1);
  design.col(0).setOnes();
  design.rightCols(x.cols()) = x;
  return design;
}

Eigen::VectorXd with_intercept(const Eigen::VectorXd& x) {
  Eigen::VectorXd row(x.size() + 1);
  row(0) = 1;
  row.tail(x.size()) = x;
  return row;
}

std::vector<double> to_vector(const Eigen::VectorXd& v) { return std::vector<double>(v.data(), v.data() + v.size()); }

}  // namespace

LinearModel LinearModel::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, std::vector<std::string> names) {
  const Eigen::MatrixXd design = with_intercept(x);
  const auto n = design.rows(), p = design.cols();
  if (n <= p) {
    throw Error(ErrorCode::invalid_input,
                "OLS needs more rows (" + std::to_string(n) + ") than parameters (" + std::to_string(p) + ")");
  }
  const Eigen::MatrixXd xtx = design.transpose() * design;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(xtx);
  if (!lu.isInvertible()) throw Error(ErrorCode::invalid_input, "OLS design matrix is singular (collinear columns)");
  LinearModel model;
  model.names_ = {"intercept"};
  model.names_.insert(model.names_.end(), names.begin(), names.end());
  model.xtx_inverse_ = lu.inverse();
  model.coefficients_ = design.colPivHouseholderQr().solve(y);
  const Eigen::VectorXd residuals = y - design * model.coefficients_;
  model.residual_df_ = static_cast<double>(n - p);
  model.sigma2_ = residuals.squaredNorm() / model.residual_df_;
  model.standard_errors_ = (model.sigma2_ * model.xtx_inverse_.diagonal()).cwiseSqrt();
  const double total = (y.array() - y.mean()).square().sum();
  model.r_squared_ = total == 0 ? 0 : 1 - residuals.squaredNorm() / total;
  return model;
}

double LinearModel::predict(const Eigen::VectorXd& x) const { return with_intercept(x).dot(coefficients_); }

IntervalPrediction LinearModel::predict_interval(const Eigen::VectorXd& x, double level) const {
  const Eigen::VectorXd row = with_intercept(x);
  const double value = row.dot(coefficients_);
  const double t = boost::math::quantile(boost::math::students_t(residual_df_), 0.5 + level / 2);
  const double half = t * std::sqrt(sigma2_ * (1 + row.dot(xtx_inverse_ * row)));
  return {value, value - half, value + half};
}

nlohmann::ordered_json LinearModel::to_json() const {
  nlohmann::ordered_json table = nlohmann::ordered_json::array();
  const boost::math::students_t distribution(residual_df_);
  for (Eigen::Index i = 0; i < coefficients_.size(); ++i) {
    const double t = coefficients_(i) / standard_errors_(i);
    table.push_back({{"name", names_[static_cast<std::size_t>(i)]},
                     {"coefficient", coefficients_(i)},
                     {"standard_error", standard_errors_(i)},
                     {"t", t},
                     {"p_value", 2 * boost::math::cdf(boost::math::complement(distribution, std::fabs(t)))}});
  }
  nlohmann::ordered_json inverse = nlohmann::ordered_json::array();
  for (Eigen::Index r = 0; r < xtx_inverse_.rows(); ++r) inverse.push_back(to_vector(xtx_inverse_.row(r).transpose()));
  return {{"coefficients", table},
          {"sigma2", sigma2_},
          {"residual_df", residual_df_},
          {"r2", r_squared_},
          {"xtx_inverse", inverse}};
}

LinearModel LinearModel::from_json(const nlohmann::json& document) {
  try {
    LinearModel model;
    const auto& table = document.at("coefficients");
    const auto p = static_cast<Eigen::Index>(table.size());
    model.coefficients_.resize(p);
    model.standard_errors_.resize(p);
    model.xtx_inverse_.resize(p, p);
    for (Eigen::Index i = 0; i < p; ++i) {
      const auto& entry = table[static_cast<std::size_t>(i)];
      model.names_.push_back(entry.at("name").get<std::string>());
      model.coefficients_(i) = entry.at("coefficient").get<double>();
      model.standard_errors_(i) = entry.at("standard_error").get<double>();
      for (Eigen::Index j = 0; j < p; ++j) {
        model.xtx_inverse_(i, j) = document.at("xtx_inverse")[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
      }
    }
    model.sigma2_ = document.at("sigma2").get<double>();
    model.residual_df_ = document.at("residual_df").get<double>();
    model.r_squared_ = document.at("r2").get<double>();
    return model;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("malformed linear model: ") + e.what());
  }
}

}  // namespace hci::ml
