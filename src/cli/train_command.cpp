// `hci train [--model all|rating|cost|clusters|outcome] [--seed N]`: train, cross-validate, register.

#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "pipeline/export_training_sets.hpp"
#include "pipeline/train_models.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

struct TrainCommandOptions {
  std::string model = "all";
  std::uint64_t seed = 42;
  int clusters = 4;
  std::string models_dir = "models";
  std::string export_dir;
};

void print_table(const std::vector<ml::TrainedModel>& models) {
  std::printf("%-9s %-17s %s\n", "model", "version", "metrics");
  for (const auto& model : models) {
    std::string metrics;
    for (const auto& [name, value] : model.headline) metrics += (metrics.empty() ? "" : "  ") + name + "=" + value;
    std::printf("%-9s %-17s %s\n", model.record.name.c_str(), model.record.version.c_str(), metrics.c_str());
  }
}

int run_train(const GlobalOptions& global, const TrainCommandOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  if (!options.export_dir.empty()) {
    for (const auto& path : pipeline::export_training_sets(*store, options.seed, options.export_dir)) {
      std::printf("wrote %s\n", path.string().c_str());
    }
    return 0;
  }
  pipeline::TrainOptions train;
  if (options.model != "all") train.models = {options.model};
  train.seed = options.seed;
  train.clusters = options.clusters;
  train.models_dir = options.models_dir;
  const auto models = pipeline::train_models(*store, train);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  print_table(models);
  std::printf("Trained %zu model(s) on dataset %s in %.1f s (seed %llu); registered in %s and %s/\n", models.size(),
              models.front().record.dataset_version.substr(0, 12).c_str(), took.count(),
              static_cast<unsigned long long>(options.seed), store->describe().c_str(), options.models_dir.c_str());
  return 0;
}

}  // namespace

void add_train_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto options = std::make_shared<TrainCommandOptions>();
  auto* command = app.add_subcommand("train", "Train, cross-validate and register the models on the current dataset");
  command->add_option("--model", options->model, "which model")
      ->check(CLI::IsMember({"all", "rating", "cost", "clusters", "outcome"}))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "random seed (folds, subsampling, k-means)")->capture_default_str();
  command->add_option("--clusters", options->clusters, "k of the state clustering")
      ->check(CLI::Range(2, 8))
      ->capture_default_str();
  command->add_option("--models-dir", options->models_dir, "where to write a copy of each model")
      ->capture_default_str();
  command->add_option("--export-training-sets", options->export_dir,
                      "write the rows, features and folds the models train on as CSV into DIR, and stop");
  command->callback(
      [&global, &action, options] { action = [&global, options] { return run_train(global, *options); }; });
}

}  // namespace hci::cli
