#include "pipeline/pipeline_runner.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

#include "core/error.hpp"
#include "pipeline/child_process.hpp"

namespace hci::pipeline {

namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

// The tasks this run executes, in order.
std::vector<std::string> selected_tasks(const RunOptions& options) {
  const auto& all = pipeline_task_names();
  for (const auto* name : {&options.only, &options.from}) {
    if (*name && std::find(all.begin(), all.end(), **name) == all.end()) {
      throw Error(ErrorCode::invalid_input, "unknown pipeline task '" + **name +
                                                "': tasks are collect, ingest, "
                                                "analytics, train, publish");
    }
  }
  if (options.only) return {*options.only};
  auto first = options.from ? std::find(all.begin(), all.end(), *options.from) : all.begin();
  return {first, all.end()};
}

// The dataset version printed by a task process ("dataset_version=<hash>"), or empty.
std::string reported_version(const std::string& out) {
  const std::string key = "dataset_version=";
  const auto at = out.rfind(key);
  if (at == std::string::npos) return "";
  const auto end = out.find('\n', at);
  return out.substr(at + key.size(), end == std::string::npos ? std::string::npos : end - at - key.size());
}

// The last non-empty line of a process's stderr: its error message.
std::string last_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  const auto newline = text.rfind('\n');
  return newline == std::string::npos ? text : text.substr(newline + 1);
}

class Runner {
 public:
  Runner(store::Store& store, const RunOptions& options) : store_(store), options_(options) {}

  PipelineRun run() {
    run_.id = store_.start_pipeline_run(options_.trigger);
    run_.trigger = options_.trigger;
    run_.started_at = utc_now();
    run_.status = "succeeded";
    version_ = options_.dataset_version;
    for (const auto& task : selected_tasks(options_)) {
      if (task != "collect" && task != "ingest" && version_.empty()) version_ = newest_version();
      if (!run_task(task)) {
        run_.status = "failed";
        break;
      }
    }
    run_.dataset_version = version_;
    store_.finish_pipeline_run(run_.id, run_.status, run_.dataset_version, run_.error);
    run_.finished_at = utc_now();
    return run_;
  }

 private:
  std::string newest_version() {
    const auto datasets = store_.list_datasets();
    if (datasets.empty()) throw Error(ErrorCode::not_found, "no dataset stored: run the ingest task first");
    return datasets.front().version;
  }

  TaskPolicy policy(const std::string& task) const {
    auto it = options_.policies.find(task);
    return it == options_.policies.end() ? TaskPolicy{} : it->second;
  }

  std::vector<std::string> command(const std::string& task) const {
    return {options_.hci_binary.string(),
            "--db",
            options_.db_uri,
            "pipeline",
            "task",
            task,
            "--run-id",
            std::to_string(run_.id),
            "--dataset-version",
            version_,
            "--config",
            pipeline_config_json(options_.config).dump()};
  }

  void log(const std::string& line) const {
    if (options_.log) options_.log(line);
  }

  // Runs a task's attempts; true when one succeeded.
  bool run_task(const std::string& task) {
    const TaskPolicy p = policy(task);
    auto backoff = p.backoff;
    for (int attempt = 1; attempt <= p.max_attempts; ++attempt) {
      PipelineTaskRun record{task, attempt, "", utc_now(), "", 0, "", version_};
      const auto started = std::chrono::steady_clock::now();
      const ChildResult child = run_child(command(task), p.timeout);
      record.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      record.finished_at = utc_now();
      if (child.exit_code == 0) {
        record.status = "succeeded";
        if (auto produced = reported_version(child.out); !produced.empty())
          version_ = record.dataset_version = produced;
      } else {
        record.status = child.timed_out ? "timed_out" : "failed";
        record.error =
            child.timed_out ? "no answer within " + std::to_string(p.timeout.count()) + " s" : last_line(child.err);
      }
      store_.record_task_run(run_.id, record);
      run_.tasks.push_back(record);
      log(task + " attempt " + std::to_string(attempt) + ": " + record.status +
          (record.error.empty() ? "" : " (" + record.error + ")"));
      if (child.exit_code == 0) return true;
      run_.error = task + ": " + record.error;
      if (child.exit_code == kTaskNotRetryable || attempt == p.max_attempts) return false;
      (options_.sleep ? options_.sleep : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); })(backoff);
      backoff *= 2;
    }
    return false;
  }

  store::Store& store_;
  const RunOptions& options_;
  PipelineRun run_;
  std::string version_;
};

}  // namespace

std::map<std::string, TaskPolicy> default_task_policies() {
  using std::chrono::seconds;
  return {{"collect", {seconds(300), 3, std::chrono::milliseconds(2000)}},
          {"ingest", {seconds(600), 3, std::chrono::milliseconds(2000)}},
          {"analytics", {seconds(600), 3, std::chrono::milliseconds(2000)}},
          {"train", {seconds(1800), 2, std::chrono::milliseconds(2000)}},
          {"publish", {seconds(60), 3, std::chrono::milliseconds(2000)}}};
}

PipelineRun run_pipeline(store::Store& store, const RunOptions& options) {
  const std::string owner = "pid-" + std::to_string(::getpid());
  const auto lease = std::chrono::hours(6);
  if (!store.try_lock_pipeline(owner, lease)) {
    throw Error(ErrorCode::conflict, "another pipeline run holds the lock in " + store.describe());
  }
  PipelineRun run;
  try {
    run = Runner(store, options).run();
  } catch (...) {
    store.unlock_pipeline(owner);
    throw;
  }
  store.unlock_pipeline(owner);
  for (const auto& failure : notify(options.notify, run)) {
    if (options.log) options.log("notification failed: " + failure);
  }
  return run;
}

}  // namespace hci::pipeline
