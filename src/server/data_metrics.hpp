#pragma once
// The Prometheus metrics about the data rather than the traffic: pipeline runs and task durations, the age
// of the served dataset, and the cross-validated metrics of the registered models.

#include <string>

#include "server/snapshot.hpp"
#include "server/store_catalog.hpp"

namespace hci::server {

/// pipeline_runs_total{status}, pipeline_task_duration_seconds{task} (the latest attempt of each task),
/// pipeline_last_run_success, dataset_age_seconds, hci_model_metric{model,metric}, in text format.
std::string data_metrics(const Snapshot& snapshot, const StoreCatalog& catalog);

}  // namespace hci::server
