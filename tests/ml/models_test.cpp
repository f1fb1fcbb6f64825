// The four models on the real snapshot: sanity floors measured on this data (see bench/RESULTS.md), and
// the same data and seed give the same models.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/area_tables.hpp"
#include "ml/models/cluster_model.hpp"
#include "ml/models/cost_model.hpp"
#include "ml/models/outcome_model.hpp"
#include "ml/models/rating_model.hpp"
#include "support/ingested_store.hpp"

namespace hci::ml {
namespace {

// Measured CV R2: rating 0.45 (gradient boosting), outcome 0.71 (counties), 0.88 (states, LOO).
constexpr double kRatingR2Floor = 0.40;
constexpr double kOutcomeR2Floor = 0.60;
constexpr double kStateOutcomeR2Floor = 0.70;

const MetricTable& states() {
  static const MetricTable table = analytics::build_state_table(testing::stored_tables());
  return table;
}
const MetricTable& counties() {
  static const MetricTable table = analytics::build_county_table(testing::stored_tables());
  return table;
}

nlohmann::json metrics_of(const TrainedModel& model) { return nlohmann::json::parse(model.record.metrics_json); }

const std::vector<MeasureValue>& measures() { return testing::stored_tables().of<MeasureValue>(); }

TEST(RatingModelTest, BeatsTheFloorAndIsReproducible) {
  const auto first = train_rating_model(testing::stored_hospitals(), measures(), states(), counties(), 42);
  const auto metrics = metrics_of(first);
  EXPECT_EQ(metrics["n"], 2869);  // every rated hospital
  EXPECT_GT(metrics["r2"].get<double>(), kRatingR2Floor);
  EXPECT_EQ(metrics["candidates"].size(), 2u);
  const auto details = nlohmann::json::parse(first.record.details_json);
  EXPECT_GT(details["importance_by_gain"].size(), 10u);
  const auto second = train_rating_model(testing::stored_hospitals(), measures(), states(), counties(), 42);
  EXPECT_EQ(second.record.metrics_json.substr(0, 100), first.record.metrics_json.substr(0, 100));
  EXPECT_EQ(second.record.version, first.record.version);
  // On the same folds, the measure values explain more of the star than the group counts and context alone,
  // and the importance says which groups carry it.
  const auto& feature_sets = metrics["feature_sets"];
  ASSERT_EQ(feature_sets.size(), 2u);
  EXPECT_EQ(feature_sets[0]["algorithm"], feature_sets[1]["algorithm"]);
  EXPECT_GT(feature_sets[1]["r2"].get<double>(), feature_sets[0]["r2"].get<double>());
  EXPECT_LT(feature_sets[1]["mae"].get<double>(), feature_sets[0]["mae"].get<double>());
  double share = 0;
  for (const auto& group : metrics["importance_by_group"]) share += group["gain_share"].get<double>();
  EXPECT_NEAR(share, 1.0, 1e-9);
}

TEST(RatingModelTest, TrainingSetHasTheSameFoldsForTheSameSeed) {
  const auto a = rating_training_set(testing::stored_hospitals(), measures(), states(), counties(), 42,
                                     RatingFeatures::with_measures);
  const auto b = rating_training_set(testing::stored_hospitals(), measures(), states(), counties(), 42,
                                     RatingFeatures::without_measures);
  EXPECT_EQ(a.folds, b.folds);  // the two feature sets are scored on identical folds
  EXPECT_EQ(a.x.columns.size(), b.x.columns.size() + rating_measure_inputs().size());
  EXPECT_EQ(a.x.rows, 2869u);
  EXPECT_EQ(a.x.columns.size(), a.encoder.columns().size());
}

TEST(OutcomeModelTest, PredictsCountyAndStateLifeExpectancyAboveTheFloors) {
  const auto model = train_outcome_model(counties(), states(), 42);
  const auto metrics = metrics_of(model);
  EXPECT_GT(metrics["r2"].get<double>(), kOutcomeR2Floor);
  EXPECT_GT(metrics["state_level"]["r2"].get<double>(), kStateOutcomeR2Floor);
  EXPECT_GT(metrics["n"].get<int>(), 2900);
  const auto details = nlohmann::json::parse(model.record.details_json);
  EXPECT_TRUE(details["county_predictions"].contains("48453"));
}

TEST(ClusterModelTest, GivesFourLabelledClustersCoveringEveryState) {
  const auto model = train_cluster_model(states(), 4, 42);
  const auto details = nlohmann::json::parse(model.record.details_json);
  ASSERT_EQ(details["clusters"].size(), 4u);
  std::size_t members = 0;
  for (const auto& cluster : details["clusters"]) {
    EXPECT_FALSE(cluster["label"].get<std::string>().empty());
    members += cluster["states"].size();
  }
  EXPECT_EQ(members, details["assignments"].size());
  EXPECT_GE(members, 50u);
  EXPECT_EQ(metrics_of(model)["k_selection"].size(), 7u);  // k = 2..8
}

TEST(CostModelTest, ForecastsTwoYearsPerStateWithIntervalsAndBackTests) {
  const auto model = train_cost_model(testing::stored_tables().of<StateIndicator>(), 42);
  const auto details = nlohmann::json::parse(model.record.details_json);
  const auto metrics = metrics_of(model);
  for (const auto& target : cost_targets()) {
    const auto& forecasts = details[target]["forecasts"];
    EXPECT_EQ(forecasts.size(), 51u * 2) << target;
    for (const auto& f : forecasts) {
      EXPECT_LT(f["low"].get<double>(), f["value"].get<double>());
      EXPECT_GT(f["high"].get<double>(), f["value"].get<double>());
    }
    EXPECT_EQ(metrics[target]["backtests"].size(), 2u);
    EXPECT_TRUE(metrics[target]["backtests"][0].contains("last_value_baseline"));
    bool has_year = false;
    for (const auto& c : metrics[target]["coefficients"]) {
      has_year |= c["name"] == "year";
      EXPECT_GT(c["standard_error"].get<double>(), 0);
    }
    EXPECT_TRUE(has_year);
  }
}

}  // namespace
}  // namespace hci::ml
