#pragma once
// The exact rows, features and folds the models train on, as CSV, so another tool (scikit-learn in
// bench/, an analyst's notebook) can be compared on identical data and folds.

#include <cstdint>
#include <filesystem>

#include "store/store.hpp"

namespace hci::pipeline {

/// Writes, for the current dataset version, into `dir`: rating_training_set.csv (id, fold, rating, then
/// every encoded feature; empty = missing), cost_<target>.csv (state, calendar_year, target, design columns) and
/// cluster_profiles.csv (state, z-scored features). Returns the files written.
std::vector<std::filesystem::path> export_training_sets(store::Store& store, std::uint64_t seed,
                                                        const std::filesystem::path& dir);

}  // namespace hci::pipeline
