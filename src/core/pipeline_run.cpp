#include "core/pipeline_run.hpp"

namespace hci {

nlohmann::ordered_json pipeline_run_json(const PipelineRun& run) {
  nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
  for (const auto& t : run.tasks) {
    tasks.push_back({{"task", t.task},
                     {"attempt", t.attempt},
                     {"status", t.status},
                     {"started_at", t.started_at},
                     {"finished_at", t.finished_at},
                     {"duration_seconds", t.duration_seconds},
                     {"error", t.error},
                     {"dataset_version", t.dataset_version}});
  }
  return {{"id", run.id},
          {"trigger", run.trigger},
          {"status", run.status},
          {"started_at", run.started_at},
          {"finished_at", run.finished_at},
          {"dataset_version", run.dataset_version},
          {"error", run.error},
          {"tasks", tasks}};
}

}  // namespace hci
