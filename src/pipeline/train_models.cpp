#include "pipeline/train_models.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>

#include "analytics/area_tables.hpp"
#include "core/dataset_tables.hpp"
#include "core/error.hpp"
#include "ml/models/cluster_model.hpp"
#include "ml/models/cost_model.hpp"
#include "ml/models/outcome_model.hpp"
#include "ml/models/rating_model.hpp"

namespace hci::pipeline {

namespace {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

void write_copy(const std::filesystem::path& dir, const ModelRecord& record) {
  std::filesystem::create_directories(dir);
  const auto path = dir / (record.name + "-" + record.version + ".json");
  std::ofstream out(path);
  out << ml::model_record_json(record, true).dump(1) << '\n';
  if (!out) throw Error(ErrorCode::unavailable, "cannot write model file " + path.string());
}

}  // namespace

const std::vector<std::string>& known_models() {
  static const std::vector<std::string> names{"rating", "cost", "clusters", "outcome"};
  return names;
}

std::vector<ml::TrainedModel> train_models(store::Store& store, const TrainOptions& options) {
  const auto wanted = options.models.empty() ? known_models() : options.models;
  for (const auto& name : wanted) {
    if (std::find(known_models().begin(), known_models().end(), name) == known_models().end()) {
      throw Error(ErrorCode::invalid_input, "unknown model '" + name + "': choose rating, cost, clusters or outcome");
    }
  }
  const auto dataset = store.find_dataset(options.version);
  if (!dataset) {
    throw Error(ErrorCode::not_found, options.version.empty()
                                          ? "no current dataset in " + store.describe() + ": run 'hci ingest'"
                                          : "no dataset version starts with '" + options.version + "'");
  }
  DatasetTables tables;
  store.read_dataset(dataset->version, tables);
  const MetricTable states = analytics::build_state_table(tables);
  const MetricTable counties = analytics::build_county_table(tables);

  std::vector<ml::TrainedModel> trained;
  for (const auto& name : known_models()) {
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    if (name == "rating")
      trained.push_back(
          ml::train_rating_model(tables.of<Hospital>(), tables.of<MeasureValue>(), states, counties, options.seed));
    if (name == "cost") trained.push_back(ml::train_cost_model(tables.of<StateIndicator>(), options.seed));
    if (name == "clusters") trained.push_back(ml::train_cluster_model(states, options.clusters, options.seed));
    if (name == "outcome") trained.push_back(ml::train_outcome_model(counties, states, options.seed));
    ModelRecord& record = trained.back().record;
    record.dataset_version = dataset->version;
    record.trained_at = utc_now();
    store.save_model(record);
    if (!options.models_dir.empty()) write_copy(options.models_dir, record);
  }
  return trained;
}

}  // namespace hci::pipeline
