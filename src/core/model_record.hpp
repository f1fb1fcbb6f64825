#pragma once
// A trained model as the registry keeps it: what it is, what it was trained on, how well it does.

#include <string>

namespace hci {

/// One trained model of one dataset version. JSON fields are stored as text so the store needs no
/// knowledge of models; `artifact` is what prediction loads (XGBoost JSON, OLS coefficients, centres).
struct ModelRecord {
  std::string name;             // rating, cost, clusters, outcome
  std::string version;          // content hash of the artifact and its inputs, hex
  std::string dataset_version;  // the data it was trained on
  std::string trained_at;       // ISO 8601 UTC
  std::string algorithm;        // e.g. "xgboost gradient boosting"
  std::string features_json;    // the feature encoder: inputs, categories, missing-value policy
  std::string parameters_json;  // training parameters and seed
  std::string metrics_json;     // cross-validated metrics
  std::string details_json;     // importances, forecasts, cluster profiles, predictions
  std::string artifact;         // the model itself
};

}  // namespace hci
