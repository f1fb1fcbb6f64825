#pragma once
// K-fold cross-validation with a fixed seed: the same rows, k and seed always give the same folds.

#include <cstdint>
#include <functional>
#include <vector>

namespace hci::ml {

/// The fold (0..k-1) of each of `rows` rows: a seeded shuffle dealt round-robin, so fold sizes differ by
/// at most one. Deterministic across runs and platforms (own Fisher-Yates over std::mt19937_64).
std::vector<int> kfold_assignments(std::size_t rows, int k, std::uint64_t seed);

/// Trains on every fold but one and predicts the held-out one, for each fold: the out-of-fold
/// predictions, one per row. `fit_predict(train_rows, test_rows)` returns predictions for test_rows.
using FitPredict =
    std::function<std::vector<double>(const std::vector<std::size_t>& train, const std::vector<std::size_t>& test)>;
std::vector<double> out_of_fold_predictions(const std::vector<int>& folds, int k, const FitPredict& fit_predict);

}  // namespace hci::ml
