#pragma once
// From observations with named numeric and categorical values to the numeric matrix models train on.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hci::ml {

/// One observation before encoding: numbers (NaN = missing) and category values (empty = missing), by name.
struct RawRow {
  std::map<std::string, double> numbers;
  std::map<std::string, std::string> categories;
};

/// A numeric design matrix, row-major, NaN where a value is missing.
struct FeatureMatrix {
  std::vector<std::string> columns;
  std::vector<float> values;  // rows x columns.size()
  std::size_t rows = 0;

  /// The value at (row, column).
  float at(std::size_t row, std::size_t column) const { return values[row * columns.size() + column]; }
  /// The given rows, in that order.
  FeatureMatrix select(const std::vector<std::size_t>& chosen) const;
};

/// What to do with a missing numeric value: leave NaN for models that learn a default branch (XGBoost), or
/// put the training mean in (linear models, k-means). Either way it is recorded in the model.
enum class MissingPolicy { learn_default, impute_mean };

/// Encodes RawRows the same way at training and prediction time: numeric features in order, then one 0/1
/// column per category value seen in training ("hospital_type=Critical Access Hospitals"); a missing or
/// unseen category is all zeros. Serialises to JSON so a saved model encodes exactly as it was trained.
class FeatureEncoder {
 public:
  FeatureEncoder() = default;
  /// An encoder of these inputs; call fit() before encoding.
  FeatureEncoder(std::vector<std::string> numeric, std::vector<std::string> categorical, MissingPolicy policy);

  /// Learns the category values and the numeric means from the training rows.
  void fit(const std::vector<RawRow>& rows);
  /// Encodes rows into a matrix with columns().
  FeatureMatrix encode(const std::vector<RawRow>& rows) const;
  /// The encoded column names.
  const std::vector<std::string>& columns() const { return columns_; }
  /// The numeric and categorical input names, in order.
  std::vector<std::string> inputs() const;
  /// The inputs a row lacks (missing numbers, missing categories) and the categories it has that training
  /// never saw, as "name" or "name=value (unseen)".
  std::vector<std::string> missing_inputs(const RawRow& row) const;
  /// The encoder as JSON: inputs, categories, means and the missing-value policy.
  nlohmann::ordered_json to_json() const;
  /// The inverse of to_json; throws hci::Error(invalid_input) on a malformed document.
  static FeatureEncoder from_json(const nlohmann::json& document);

 private:
  void build_columns();

  std::vector<std::string> numeric_;
  std::vector<std::string> categorical_;
  MissingPolicy policy_ = MissingPolicy::learn_default;
  std::map<std::string, double> means_;
  std::map<std::string, std::vector<std::string>> categories_;
  std::vector<std::string> columns_;
};

}  // namespace hci::ml
