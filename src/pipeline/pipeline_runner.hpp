#pragma once
// Runs the task graph: each task attempt as a child `hci pipeline task` process with a timeout, retries with
// exponential backoff, every run and attempt recorded in the store, and notifications at the end.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "pipeline/notifier.hpp"
#include "pipeline/pipeline_tasks.hpp"
#include "store/store.hpp"

namespace hci::pipeline {

/// How long a task may run and how often it is tried.
struct TaskPolicy {
  std::chrono::seconds timeout{600};
  int max_attempts = 3;
  std::chrono::milliseconds backoff{2000};  // before the 2nd attempt; doubles after each failure
};

/// The exit status of a task process whose failure retrying cannot fix (the quality gate refused the data).
inline constexpr int kTaskNotRetryable = 3;

/// What to run and how.
struct RunOptions {
  std::string trigger = "manual";
  std::optional<std::string> only;   // run just this task
  std::optional<std::string> from;   // start at this task
  std::string dataset_version;       // for runs that skip ingest; empty = the newest stored version
  std::string db_uri;                // passed to each task process
  std::filesystem::path hci_binary;  // the executable that runs the tasks
  PipelineConfig config;
  std::map<std::string, TaskPolicy> policies;  // per task; missing = defaults
  NotifyOptions notify;
  std::function<void(const std::string&)> log;           // progress lines, may be empty
  std::function<void(std::chrono::milliseconds)> sleep;  // defaults to std::this_thread::sleep_for
};

/// Runs the graph once and returns the recorded run. Holds the store's pipeline lock for the run; throws
/// hci::Error(conflict) when another run holds it. A failed task stops the run before the tasks after it
/// (so nothing is published) and the run is recorded as failed; the error is in the run, not thrown.
PipelineRun run_pipeline(store::Store& store, const RunOptions& options);

/// The default policy of each task: collect 5 min, ingest 10 min, analytics 10 min, train 30 min, publish 1 min.
std::map<std::string, TaskPolicy> default_task_policies();

}  // namespace hci::pipeline
