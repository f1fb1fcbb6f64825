#pragma once
// What the store holds besides the served version: every stored dataset version and the pipeline's recent
// runs. Read on its own, so a pipeline run starting or finishing, or a version being staged, refreshes this
// small view instead of reloading the whole snapshot.

#include <memory>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/pipeline_run.hpp"
#include "store/store.hpp"

namespace hci::server {

/// An immutable view of the store's catalogue. Thread-safe for reads; replaced whole when it changes.
class StoreCatalog {
 public:
  /// How many pipeline runs the view keeps, newest first.
  static constexpr int kRunsKept = 200;

  /// Reads the catalogue of `store`, recording the store's catalog marker first (a change after it is
  /// seen at the next check).
  static std::shared_ptr<const StoreCatalog> load(store::Store& store);

  /// Every stored version, newest first, with its quality report.
  const std::vector<DatasetInfo>& datasets() const { return datasets_; }
  /// The newest pipeline runs (up to kRunsKept), newest first.
  const std::vector<PipelineRun>& pipeline_runs() const { return pipeline_runs_; }
  /// The store's catalog marker this view was read at.
  const std::string& marker() const { return marker_; }

 private:
  StoreCatalog() = default;

  std::vector<DatasetInfo> datasets_;
  std::vector<PipelineRun> pipeline_runs_;
  std::string marker_;
};

}  // namespace hci::server
