#pragma once
// A RAII wrapper over the XGBoost C API: train, predict, save and load as JSON, importance by gain.

#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "ml/features.hpp"

namespace hci::ml {

/// XGBoost training parameters by name ("max_depth" -> "4"), and the number of boosting rounds.
struct XgbParameters {
  std::map<std::string, std::string> values;
  int rounds = 100;
};

/// Gradient boosting: squared error, depth-limited trees, shrinkage and row/column subsampling.
XgbParameters gradient_boosting_parameters(std::uint64_t seed);

/// XGBoost's random-forest mode: 200 parallel trees of depth 10 in one round, no shrinkage, bootstrap-like
/// row subsampling, per-node column sampling and 64 histogram bins (scikit-learn's RandomForestRegressor,
/// run by XGBoost; depth and bins chosen by measurement in bench/RESULTS.md).
XgbParameters random_forest_parameters(std::uint64_t seed);

/// A trained booster. Owns its XGBoost handle; predictions are serialised by a mutex, so one model can
/// be shared by many threads. Throws hci::Error(internal) with XGBoost's message when a call fails.
class XgbModel {
 public:
  /// Trains on `x` (NaN = missing, learned default branch) against `y`.
  static XgbModel train(const FeatureMatrix& x, std::span<const double> y, const XgbParameters& parameters);
  /// Loads a model saved with to_json(); `columns` names its features.
  static XgbModel from_json(const std::string& json, std::vector<std::string> columns);

  XgbModel(XgbModel&&) noexcept;
  XgbModel& operator=(XgbModel&&) noexcept;
  ~XgbModel();

  /// One prediction per row of `x` (its columns must be the training columns, in order).
  std::vector<double> predict(const FeatureMatrix& x) const;
  /// Each feature's contribution to each prediction (XGBoost's SHAP values, C API prediction type 2): per
  /// row of `x`, columns().size() + 1 values, the last the bias; a row's values sum to its prediction.
  std::vector<double> contributions(const FeatureMatrix& x) const;
  /// The model in XGBoost's JSON format.
  std::string to_json() const;
  /// Total gain of the splits on each feature, by column name, largest first (absent features have none).
  std::vector<std::pair<std::string, double>> importance_by_gain() const;
  /// The feature columns the model expects.
  const std::vector<std::string>& columns() const { return columns_; }

 private:
  XgbModel(void* booster, std::vector<std::string> columns);
  // XGBoost's prediction of `type` (0 value, 2 contributions) for `x`, `per_row` values per row.
  std::vector<double> run_prediction(const FeatureMatrix& x, int type, std::size_t per_row) const;

  void* booster_ = nullptr;
  std::vector<std::string> columns_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
};

}  // namespace hci::ml
