#include "ml/cross_validation.hpp"

#include <numeric>
#include <random>

namespace hci::ml {

std::vector<int> kfold_assignments(std::size_t rows, int k, std::uint64_t seed) {
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 random(seed);
  for (std::size_t i = rows; i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  std::vector<int> folds(rows);
  for (std::size_t position = 0; position < rows; ++position) {
    folds[order[position]] = static_cast<int>(position % static_cast<std::size_t>(k));
  }
  return folds;
}

std::vector<double> out_of_fold_predictions(const std::vector<int>& folds, int k, const FitPredict& fit_predict) {
  std::vector<double> predictions(folds.size());
  for (int fold = 0; fold < k; ++fold) {
    std::vector<std::size_t> train, test;
    for (std::size_t row = 0; row < folds.size(); ++row) (folds[row] == fold ? test : train).push_back(row);
    if (test.empty()) continue;
    const auto predicted = fit_predict(train, test);
    for (std::size_t i = 0; i < test.size(); ++i) predictions[test[i]] = predicted[i];
  }
  return predictions;
}

}  // namespace hci::ml
