#pragma once
// The ingest step of the pipeline: one source directory into one atomic dataset version.

#include <filesystem>
#include <functional>

#include "ingest/source_ingest.hpp"
#include "store/store.hpp"

namespace hci::pipeline {

/// How to load.
struct LoadOptions {
  bool strict = false;          // any hard-rule error fails the load
  bool make_current = true;     // false stages it (the pipeline publishes after its gates)
  ingest::ProgressFn progress;  // may be empty
  std::function<void(const ingest::IngestResult&)> on_report;  // sees the report before the strict check and commit
};

/// What a load produced.
struct LoadOutcome {
  ingest::IngestResult result;
  store::CommitOutcome commit = store::CommitOutcome::new_version;
};

/// Applies pending migrations, ingests `source_dir` into a new load and commits it as the current
/// version. Throws hci::Error, leaving the previous version current and complete, when a source is
/// unreadable, when --strict finds an error (invalid_input), or when the database fails.
LoadOutcome load_sources(store::Store& store, const std::filesystem::path& source_dir, const LoadOptions& options);

}  // namespace hci::pipeline
