// Store: pipeline runs, their task attempts, and the lock that keeps two runs from overlapping.

#include "store/store.hpp"

namespace hci::store {

namespace {

constexpr std::string_view kPipelineLock = "pipeline";

}  // namespace

std::int64_t Store::start_pipeline_run(std::string_view trigger) {
  require_schema();
  return query_integer(*connection_,
                       "INSERT INTO pipeline_runs (trigger, status, started_at) VALUES (?, 'running', ?) RETURNING id",
                       {trigger, utc_timestamp_now()})
      .value_or(0);
}

void Store::record_task_run(std::int64_t run_id, const PipelineTaskRun& t) {
  run(*connection_,
      "INSERT INTO pipeline_task_runs (run_id, task, attempt, status, started_at, finished_at, duration_seconds,"
      " error, dataset_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {run_id, t.task, t.attempt, t.status, t.started_at, t.finished_at, t.duration_seconds, t.error,
       t.dataset_version});
}

void Store::finish_pipeline_run(std::int64_t run_id, std::string_view status, std::string_view dataset_version,
                                std::string_view error) {
  run(*connection_, "UPDATE pipeline_runs SET status = ?, dataset_version = ?, error = ?, finished_at = ? WHERE id = ?",
      {status, dataset_version, error, utc_timestamp_now(), run_id});
}

std::vector<PipelineRun> Store::pipeline_runs(int limit) {
  require_schema();
  std::vector<PipelineRun> runs;
  for_each_row(*connection_,
               "SELECT id, trigger, status, started_at, coalesce(finished_at, ''), coalesce(dataset_version, ''),"
               " coalesce(error, '') FROM pipeline_runs ORDER BY id DESC LIMIT ?",
               {limit}, [&](const SqlRow& row) {
                 runs.push_back(PipelineRun{row.integer(0),
                                            row.string(1),
                                            row.string(2),
                                            row.string(3),
                                            row.string(4),
                                            row.string(5),
                                            row.string(6),
                                            {}});
               });
  for (auto& run : runs) {
    for_each_row(
        *connection_,
        "SELECT task, attempt, status, started_at, finished_at, duration_seconds, error, dataset_version"
        " FROM pipeline_task_runs WHERE run_id = ? ORDER BY id",
        {run.id}, [&](const SqlRow& row) {
          run.tasks.push_back(PipelineTaskRun{row.string(0), static_cast<int>(row.integer(1)), row.string(2),
                                              row.string(3), row.string(4), row.real(5), row.string(6), row.string(7)});
        });
  }
  return runs;
}

bool Store::try_lock_pipeline(std::string_view owner, std::chrono::seconds ttl) {
  require_schema();
  return connection_->try_lock(kPipelineLock, owner, ttl);
}

void Store::unlock_pipeline(std::string_view owner) { connection_->unlock(kPipelineLock, owner); }

}  // namespace hci::store
