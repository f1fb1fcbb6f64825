#include "ml/models/outcome_model.hpp"

#include <chrono>

#include <fmt/format.h>

#include "core/error.hpp"
#include "ml/cross_validation.hpp"
#include "ml/features.hpp"
#include "ml/metrics.hpp"
#include "ml/xgboost_model.hpp"

namespace hci::ml {

namespace {

constexpr int kFolds = 5;
constexpr double kWidestInterval = 10.0;  // years: wider life-expectancy CIs are small-number noise

// The same determinants at state level: CHR's state rows and our own hospital supply.
const std::vector<std::string> kStateInputs = {"chr_median_household_income",
                                               "chr_children_in_poverty",
                                               "chr_uninsured",
                                               "chr_some_college",
                                               "chr_unemployment",
                                               "chr_adult_smoking",
                                               "chr_adult_obesity",
                                               "chr_physical_inactivity",
                                               "chr_primary_care_physicians_rate",
                                               "chr_preventable_hospital_stays_rate",
                                               "chr_pct_rural",
                                               "hospitals_per_100k"};

XgbParameters state_parameters(std::uint64_t seed) {
  XgbParameters parameters = gradient_boosting_parameters(seed);
  parameters.values["max_depth"] = "2";
  parameters.values["min_child_weight"] = "1";
  parameters.values["eta"] = "0.1";
  parameters.rounds = 150;
  return parameters;
}

struct AreaRows {
  std::vector<std::string> keys;
  std::vector<RawRow> rows;
  std::vector<double> y;
};

double value_at(const MetricTable& table, const std::string& metric, std::size_t row) {
  const Metric* column = table.find(metric);
  return column ? column->values[row] : kMissing;
}

AreaRows area_rows(const MetricTable& table, const std::string& target, const std::vector<std::string>& inputs,
                   bool stable_only) {
  AreaRows out;
  for (std::size_t row = 0; row < table.keys.size(); ++row) {
    const double y = value_at(table, target, row);
    if (!is_present(y)) continue;
    const double low = value_at(table, target + "_ci_low", row), high = value_at(table, target + "_ci_high", row);
    if (stable_only && is_present(low) && is_present(high) && high - low > kWidestInterval) continue;
    RawRow raw;
    for (const auto& name : inputs) raw.numbers[name] = value_at(table, name, row);
    out.keys.push_back(table.keys[row]);
    out.rows.push_back(std::move(raw));
    out.y.push_back(y);
  }
  return out;
}

std::vector<double> cross_validated(const FeatureMatrix& x, const std::vector<double>& y, const std::vector<int>& folds,
                                    int k, const XgbParameters& parameters) {
  return out_of_fold_predictions(folds, k, [&](const auto& train, const auto& test) {
    std::vector<double> train_y;
    for (std::size_t row : train) train_y.push_back(y[row]);
    return XgbModel::train(x.select(train), train_y, parameters).predict(x.select(test));
  });
}

}  // namespace

const std::vector<std::string>& outcome_county_inputs() {
  static const std::vector<std::string> names{"median_household_income",
                                              "children_in_poverty",
                                              "uninsured",
                                              "some_college",
                                              "unemployment",
                                              "adult_smoking",
                                              "adult_obesity",
                                              "physical_inactivity",
                                              "primary_care_physicians_rate",
                                              "preventable_hospital_stays_rate",
                                              "urban_rural_code",
                                              "hospitals_per_100k"};
  return names;
}

TrainedModel train_outcome_model(const MetricTable& counties, const MetricTable& states, std::uint64_t seed) {
  const auto started = std::chrono::steady_clock::now();
  const AreaRows county = area_rows(counties, "life_expectancy", outcome_county_inputs(), true);
  if (county.y.size() < 100) throw Error(ErrorCode::invalid_input, "too few counties with life expectancy");
  FeatureEncoder encoder(outcome_county_inputs(), {}, MissingPolicy::learn_default);
  encoder.fit(county.rows);
  const FeatureMatrix x = encoder.encode(county.rows);
  const XgbParameters parameters = gradient_boosting_parameters(seed);
  const auto folds = kfold_assignments(county.y.size(), kFolds, seed);
  const auto predicted = cross_validated(x, county.y, folds, kFolds, parameters);
  const auto county_scores = score_regression(county.y, predicted);
  const XgbModel model = XgbModel::train(x, county.y, parameters);

  const AreaRows state = area_rows(states, "chr_life_expectancy", kStateInputs, false);
  FeatureEncoder state_encoder(kStateInputs, {}, MissingPolicy::learn_default);
  state_encoder.fit(state.rows);
  std::vector<int> leave_one_out(state.y.size());
  for (std::size_t i = 0; i < leave_one_out.size(); ++i) leave_one_out[i] = static_cast<int>(i);
  const auto state_predicted = cross_validated(state_encoder.encode(state.rows), state.y, leave_one_out,
                                               static_cast<int>(state.y.size()), state_parameters(seed));
  const auto state_scores = score_regression(state.y, state_predicted);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;

  nlohmann::ordered_json county_predictions = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < county.keys.size(); ++i) {
    county_predictions[county.keys[i]] = {{"actual", county.y[i]}, {"predicted", predicted[i]}};
  }
  nlohmann::ordered_json state_predictions = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < state.keys.size(); ++i) {
    state_predictions[state.keys[i]] = {{"actual", state.y[i]}, {"predicted", state_predicted[i]}};
  }
  nlohmann::ordered_json importance = nlohmann::ordered_json::array();
  for (const auto& [feature, gain] : model.importance_by_gain())
    importance.push_back({{"feature", feature}, {"gain", gain}});

  nlohmann::ordered_json metrics = scores_json(county_scores);
  metrics["folds"] = kFolds;
  metrics["state_level"] = scores_json(state_scores);
  metrics["state_level"]["validation"] = "leave-one-out";
  metrics["seconds"] = took.count();

  TrainedModel trained;
  trained.record.name = "outcome";
  trained.record.algorithm = "xgboost gradient boosting";
  trained.record.features_json = encoder.to_json().dump();
  trained.record.parameters_json =
      nlohmann::json({{"xgboost", parameters.values},
                      {"rounds", parameters.rounds},
                      {"seed", seed},
                      {"target", "life expectancy at birth (CHR), counties with a 95% CI narrower than 10 years"},
                      {"state_level", {{"inputs", kStateInputs}, {"xgboost", state_parameters(seed).values}}}})
          .dump();
  trained.record.metrics_json = metrics.dump();
  trained.record.details_json =
      nlohmann::ordered_json({{"importance_by_gain", importance},
                              {"county_predictions", county_predictions},
                              {"state_predictions", state_predictions},
                              {"prediction_kind", "out-of-fold: the model never saw the area"}})
          .dump();
  trained.record.artifact = model.to_json();
  stamp_version(trained.record);
  trained.headline = {{"algorithm", trained.record.algorithm},
                      {"cv_r2", fmt::format("{:.3f}", county_scores.r2)},
                      {"cv_mae", fmt::format("{:.2f} years", county_scores.mae)},
                      {"state_loo_r2", fmt::format("{:.3f}", state_scores.r2)},
                      {"rows", std::to_string(county.y.size())}};
  return trained;
}

}  // namespace hci::ml
