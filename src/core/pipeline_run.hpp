#pragma once
// The records of a pipeline run and its task attempts, as the store keeps them.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hci {

/// One attempt of one task: how it ended, when, how long it took, and what it produced.
struct PipelineTaskRun {
  std::string task;
  int attempt = 1;
  std::string status;  // succeeded, failed, timed_out, skipped
  std::string started_at;
  std::string finished_at;
  double duration_seconds = 0;
  std::string error;            // empty when it succeeded
  std::string dataset_version;  // the version it worked on or produced, when it has one
};

/// One run of the task graph with every attempt of its tasks, in order.
struct PipelineRun {
  std::int64_t id = 0;
  std::string trigger;  // manual or schedule
  std::string status;   // running, succeeded, failed
  std::string started_at;
  std::string finished_at;
  std::string dataset_version;
  std::string error;
  std::vector<PipelineTaskRun> tasks;
};

/// The JSON of a run: id, trigger, status, times, dataset version, error, and every task attempt.
nlohmann::ordered_json pipeline_run_json(const PipelineRun& run);

}  // namespace hci
