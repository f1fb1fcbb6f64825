#pragma once
// The tasks of the pipeline (collect -> ingest -> analytics -> train -> publish) and what each one does.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/quality_gate.hpp"
#include "store/store.hpp"

namespace hci::pipeline {

/// The tasks in graph order.
const std::vector<std::string>& pipeline_task_names();

/// What the tasks need to know; passed to each task process as JSON.
struct PipelineConfig {
  std::filesystem::path source_dir = "data/snapshot";  // the source directory to start from
  std::filesystem::path work_dir = "data/pipeline";    // one folder per run: the collected sources
  std::string collect_url;                             // the live CMS file; empty = the source directory's own file
  std::filesystem::path models_dir = "models";
  QualityThresholds gate;
  std::uint64_t seed = 42;
};

/// The config as JSON and back (unknown keys are refused: a typo must not silently use a default).
nlohmann::json pipeline_config_json(const PipelineConfig& config);
PipelineConfig pipeline_config_from_json(const nlohmann::json& document);

/// What a task reports: the dataset version it produced or worked on, and a line for the history.
struct TaskOutput {
  std::string dataset_version;
  std::string note;
};

/// Runs one task in this process for run `run_id` on `dataset_version` (the version ingest produced; empty
/// for collect and ingest). Throws hci::Error when it fails; invalid_input means retrying cannot help (the
/// quality gate refused the data).
TaskOutput run_pipeline_task(store::Store& store, const std::string& task, const PipelineConfig& config,
                             std::int64_t run_id, const std::string& dataset_version);

}  // namespace hci::pipeline
