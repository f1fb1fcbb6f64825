#pragma once
// The models registered for the served dataset version, loaded once when a snapshot loads.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model_record.hpp"
#include "ml/features.hpp"
#include "ml/models/rating_model.hpp"
#include "ml/xgboost_model.hpp"

namespace hci::server {

/// The rating predictor, ready to score: the booster, its encoder and the context it was trained with.
struct RatingPredictor {
  ml::XgbModel model;
  ml::FeatureEncoder encoder;
  ml::RatingContext context;
  nlohmann::ordered_json cv_metrics;
};

/// Immutable after load; thread-safe reads (the booster serialises its own predictions).
class ModelView {
 public:
  /// Parses the current models of a version; nullptr when none is registered. Throws hci::Error
  /// (invalid_input) when a record is malformed.
  static std::unique_ptr<const ModelView> load(std::vector<ModelRecord> records);

  /// Every model: name, version, algorithm, trained_at, metrics (no details, no artifact).
  const nlohmann::ordered_json& summaries() const { return summaries_; }
  /// One model's record with its details (the rating context left out), or nullptr.
  const nlohmann::ordered_json* describe(std::string_view name) const;
  /// The rating predictor, or nullptr when no rating model is registered.
  const RatingPredictor* rating() const { return rating_.get(); }
  /// The name and version of a model, for answers that cite it; nullopt when absent.
  std::optional<std::pair<std::string, std::string>> identity(std::string_view name) const;
  /// A county's out-of-fold life-expectancy prediction beside its actual value, or nullptr.
  const nlohmann::ordered_json* county_life_expectancy(std::string_view fips) const;
  /// A state's cost forecasts per target ({target: [{year, value, low, high}]}), or nullptr.
  const nlohmann::ordered_json* state_forecast(std::string_view state) const;
  /// The clustering: k, silhouette, clusters with labels and profiles, assignments; or nullptr.
  const nlohmann::ordered_json* clusters() const { return clusters_.is_null() ? nullptr : &clusters_; }
  /// A state's cluster {cluster, label}, or nullptr.
  const nlohmann::ordered_json* state_cluster(std::string_view state) const;

 private:
  ModelView() = default;

  std::map<std::string, ModelRecord, std::less<>> records_;
  nlohmann::ordered_json summaries_ = nlohmann::ordered_json::array();
  std::map<std::string, nlohmann::ordered_json, std::less<>> described_;
  std::unique_ptr<RatingPredictor> rating_;
  std::map<std::string, nlohmann::ordered_json, std::less<>> county_life_expectancy_;
  std::map<std::string, nlohmann::ordered_json, std::less<>> forecasts_;
  nlohmann::ordered_json clusters_;
  std::map<std::string, nlohmann::ordered_json, std::less<>> state_clusters_;
};

}  // namespace hci::server
