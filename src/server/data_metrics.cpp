#include "server/data_metrics.hpp"

#include <ctime>
#include <map>

#include <fmt/format.h>

namespace hci::server {

namespace {

double age_seconds(const std::string& iso_utc) {
  std::tm t{};
  if (!strptime(iso_utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &t)) return 0;
  return std::difftime(std::time(nullptr), timegm(&t));
}

void pipeline_metrics(const StoreCatalog& catalog, std::string& out) {
  std::map<std::string, int> by_status{{"succeeded", 0}, {"failed", 0}, {"running", 0}};
  std::map<std::string, double> last_duration;
  for (const auto& run : catalog.pipeline_runs()) ++by_status[run.status];
  for (auto run = catalog.pipeline_runs().rbegin(); run != catalog.pipeline_runs().rend(); ++run) {
    for (const auto& task : run->tasks) last_duration[task.task] = task.duration_seconds;  // newest wins
  }
  out +=
      "# HELP pipeline_runs_total Pipeline runs recorded in the store, by outcome.\n# TYPE pipeline_runs_total "
      "counter\n";
  for (const auto& [status, count] : by_status)
    out += fmt::format("pipeline_runs_total{{status=\"{}\"}} {}\n", status, count);
  out +=
      "# HELP pipeline_task_duration_seconds Duration of the latest attempt of each task.\n"
      "# TYPE pipeline_task_duration_seconds gauge\n";
  for (const auto& [task, seconds] : last_duration) {
    out += fmt::format("pipeline_task_duration_seconds{{task=\"{}\"}} {:.3f}\n", task, seconds);
  }
  if (!catalog.pipeline_runs().empty()) {
    out += fmt::format("# TYPE pipeline_last_run_success gauge\npipeline_last_run_success {}\n",
                       catalog.pipeline_runs().front().status == "succeeded" ? 1 : 0);
  }
}

void model_metrics(const Snapshot& snapshot, std::string& out) {
  if (!snapshot.models()) return;
  out += "# HELP hci_model_metric Cross-validated metrics of the registered models.\n# TYPE hci_model_metric gauge\n";
  for (const auto& model : snapshot.models()->summaries()) {
    for (const char* metric : {"r2", "mae", "rmse", "silhouette"}) {
      const auto& metrics = model.at("metrics");
      if (!metrics.contains(metric) || !metrics.at(metric).is_number()) continue;
      out += fmt::format("hci_model_metric{{model=\"{}\",metric=\"{}\"}} {}\n", model.at("name").get<std::string>(),
                         metric, metrics.at(metric).get<double>());
    }
  }
}

}  // namespace

std::string data_metrics(const Snapshot& snapshot, const StoreCatalog& catalog) {
  std::string out;
  pipeline_metrics(catalog, out);
  out += fmt::format(
      "# HELP dataset_age_seconds Seconds since the served dataset version was loaded.\n"
      "# TYPE dataset_age_seconds gauge\ndataset_age_seconds {:.0f}\n",
      age_seconds(snapshot.dataset().created_at));
  model_metrics(snapshot, out);
  return out;
}

}  // namespace hci::server
