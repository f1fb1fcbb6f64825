// The ML building blocks recover known structure.

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "core/error.hpp"
#include "ml/cross_validation.hpp"
#include "ml/features.hpp"
#include "ml/kmeans.hpp"
#include "ml/linear_model.hpp"
#include "ml/metrics.hpp"
#include "ml/xgboost_model.hpp"

namespace hci::ml {
namespace {

TEST(LinearModelTest, AnExactLineGivesItsCoefficients) {
  Eigen::MatrixXd x(6, 2);
  Eigen::VectorXd y(6);
  for (int i = 0; i < 6; ++i) {
    x(i, 0) = i;
    x(i, 1) = (i * i) % 5;
    y(i) = 1.5 + 2.0 * x(i, 0) - 0.75 * x(i, 1);
  }
  const auto model = LinearModel::fit(x, y, {"a", "b"});
  EXPECT_NEAR(model.coefficients()(0), 1.5, 1e-9);
  EXPECT_NEAR(model.coefficients()(1), 2.0, 1e-9);
  EXPECT_NEAR(model.coefficients()(2), -0.75, 1e-9);
  EXPECT_NEAR(model.r_squared(), 1.0, 1e-12);
  EXPECT_EQ(model.names()[0], "intercept");
}

TEST(LinearModelTest, IntervalsWidenAwayFromTheDataAndSurviveJson) {
  std::mt19937_64 random(7);
  std::normal_distribution<double> noise(0, 1);
  Eigen::MatrixXd x(200, 1);
  Eigen::VectorXd y(200);
  for (int i = 0; i < 200; ++i) {
    x(i, 0) = i / 20.0;
    y(i) = 3 + 0.5 * x(i, 0) + noise(random);
  }
  const auto model = LinearModel::fit(x, y, {"x"});
  EXPECT_NEAR(model.coefficients()(1), 0.5, 0.1);
  EXPECT_GT(model.standard_errors()(1), 0);
  Eigen::VectorXd centre(1), far(1);
  centre << 5;
  far << 50;
  const auto near_interval = model.predict_interval(centre, 0.95);
  const auto far_interval = model.predict_interval(far, 0.95);
  EXPECT_LT(near_interval.high - near_interval.low, far_interval.high - far_interval.low);
  EXPECT_NEAR(near_interval.high - near_interval.low, 2 * 1.96 * 1.0, 0.6);  // about +-2 sigma
  const auto back = LinearModel::from_json(model.to_json());
  EXPECT_DOUBLE_EQ(back.predict_interval(far, 0.95).low, far_interval.low);
}

TEST(LinearModelTest, CollinearColumnsAreRefusedClearly) {
  Eigen::MatrixXd x(5, 2);
  x << 1, 2, 2, 4, 3, 6, 4, 8, 5, 10;
  Eigen::VectorXd y(5);
  y << 1, 2, 3, 4, 5;
  EXPECT_THROW(LinearModel::fit(x, y, {"a", "b"}), Error);
}

TEST(KMeansTest, FindsFourSeparatedBlobs) {
  std::mt19937_64 random(11);
  std::normal_distribution<double> noise(0, 0.3);
  const double centres[4][2] = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
  Eigen::MatrixXd x(200, 2);
  for (int i = 0; i < 200; ++i) {
    x(i, 0) = centres[i % 4][0] + noise(random);
    x(i, 1) = centres[i % 4][1] + noise(random);
  }
  const auto result = kmeans(x, 4, 10, 42);
  for (int i = 4; i < 200; ++i) EXPECT_EQ(result.labels[i], result.labels[i % 4]) << i;
  EXPECT_EQ(std::set<int>(result.labels.begin(), result.labels.end()).size(), 4u);
  EXPECT_GT(silhouette_score(x, result.labels), 0.9);
  EXPECT_EQ(kmeans(x, 4, 10, 42).labels, result.labels);  // deterministic
}

TEST(CrossValidationTest, FoldsPartitionTheRowsEvenlyAndDependOnlyOnTheSeed) {
  const auto folds = kfold_assignments(103, 5, 42);
  std::vector<int> sizes(5, 0);
  for (int fold : folds) ++sizes[static_cast<std::size_t>(fold)];
  EXPECT_EQ(*std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end()), 1);
  EXPECT_EQ(kfold_assignments(103, 5, 42), folds);
  EXPECT_NE(kfold_assignments(103, 5, 43), folds);
  std::vector<int> seen(103, 0);
  const auto predictions = out_of_fold_predictions(folds, 5, [&](const auto& train, const auto& test) {
    for (std::size_t row : test) ++seen[row];
    for (std::size_t row : train) EXPECT_NE(folds[row], folds[test.front()]);
    return std::vector<double>(test.size(), 1.0);
  });
  for (int count : seen) EXPECT_EQ(count, 1);  // every row is predicted exactly once, out of its fold
}

FeatureMatrix smooth_function_data(std::size_t rows, std::vector<double>& y) {
  std::mt19937_64 random(3);
  std::uniform_real_distribution<double> uniform(-3, 3);
  FeatureMatrix x;
  x.columns = {"signal", "noise"};
  x.rows = rows;
  for (std::size_t i = 0; i < rows; ++i) {
    const double a = uniform(random), b = uniform(random);
    x.values.push_back(static_cast<float>(a));
    x.values.push_back(static_cast<float>(b));
    y.push_back(std::sin(a) + 0.5 * a);
  }
  return x;
}

TEST(XgbModelTest, FitsASmoothFunctionAndRoundTripsThroughJson) {
  std::vector<double> y;
  const FeatureMatrix x = smooth_function_data(2000, y);
  const auto model = XgbModel::train(x, y, gradient_boosting_parameters(42));
  const auto predicted = model.predict(x);
  EXPECT_GT(score_regression(y, predicted).r2, 0.95);
  const auto reloaded = XgbModel::from_json(model.to_json(), x.columns);
  EXPECT_EQ(reloaded.predict(x), predicted);
  const auto importance = model.importance_by_gain();
  ASSERT_FALSE(importance.empty());
  EXPECT_EQ(importance.front().first, "signal");
}

TEST(XgbModelTest, RandomForestModeFitsToo) {
  std::vector<double> y;
  const FeatureMatrix x = smooth_function_data(1000, y);
  EXPECT_GT(score_regression(y, XgbModel::train(x, y, random_forest_parameters(1)).predict(x)).r2, 0.95);
}

TEST(FeatureEncoderTest, OneHotEncodesSeenCategoriesAndListsWhatIsMissing) {
  FeatureEncoder encoder({"beds"}, {"type"}, MissingPolicy::impute_mean);
  encoder.fit({RawRow{{{"beds", 10}}, {{"type", "a"}}}, RawRow{{{"beds", 30}}, {{"type", "b"}}}});
  EXPECT_EQ(encoder.columns(), (std::vector<std::string>{"beds", "type=a", "type=b"}));
  const RawRow unseen{{}, {{"type", "c"}}};
  const auto matrix = encoder.encode({unseen});
  EXPECT_FLOAT_EQ(matrix.at(0, 0), 20.0f);  // the training mean
  EXPECT_FLOAT_EQ(matrix.at(0, 1) + matrix.at(0, 2), 0.0f);
  EXPECT_EQ(encoder.missing_inputs(unseen), (std::vector<std::string>{"beds", "type=c (unseen in training)"}));
  const auto back = FeatureEncoder::from_json(encoder.to_json());
  EXPECT_EQ(back.encode({unseen}).values, matrix.values);
}

TEST(MetricsTest, ScoresAPerfectAndAConstantPrediction) {
  const std::vector<double> actual{1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(score_regression(actual, actual).r2, 1.0);
  EXPECT_DOUBLE_EQ(score_regression(actual, actual).rounded_accuracy, 1.0);
  const auto constant = score_regression(actual, std::vector<double>(4, 2.5));
  EXPECT_DOUBLE_EQ(constant.r2, 0.0);
  EXPECT_DOUBLE_EQ(constant.mae, 1.0);
}

}  // namespace
}  // namespace hci::ml
