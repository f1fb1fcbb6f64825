#pragma once
// The training step of the pipeline: read a stored dataset version, train the chosen models, register them.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "ml/trained_model.hpp"
#include "store/store.hpp"

namespace hci::pipeline {

/// The models `hci train` knows, in training order.
const std::vector<std::string>& known_models();

/// What to train and where to write the artifacts.
struct TrainOptions {
  std::vector<std::string> models;   // names from known_models(); empty = all
  std::string version;               // dataset version (or prefix) to train on; empty = the current one
  std::uint64_t seed = 42;           // same data and seed give the same models and metrics
  int clusters = 4;                  // k of the state clustering
  std::filesystem::path models_dir;  // a copy of each record as <name>-<version>.json; empty = none
};

/// Trains on a stored dataset version (the current one by default) and records each model in the store (and
/// models_dir). Throws hci::Error(not_found) when the version is not stored, invalid_input for an unknown model.
std::vector<ml::TrainedModel> train_models(store::Store& store, const TrainOptions& options);

}  // namespace hci::pipeline
