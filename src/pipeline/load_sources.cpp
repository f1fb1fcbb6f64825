#include "pipeline/load_sources.hpp"

#include "core/background_writer.hpp"
#include "core/error.hpp"

namespace hci::pipeline {

namespace {

store::DatasetManifest make_manifest(const ingest::IngestResult& result, const std::filesystem::path& source_dir) {
  store::DatasetManifest manifest;
  manifest.version = result.version;
  manifest.source_dir = source_dir.string();
  manifest.sources = result.report.sources();
  manifest.hospital_count = result.summary.at("hospitals").get<std::int64_t>();
  manifest.summary_json = result.summary.dump();
  manifest.quality_report_json = result.report.to_json().dump();
  manifest.findings = result.report.findings();
  manifest.quarantined = result.report.quarantined();
  return manifest;
}

}  // namespace

LoadOutcome load_sources(store::Store& store, const std::filesystem::path& source_dir, const LoadOptions& options) {
  store.migrate();
  auto load = store.begin_load();
  LoadOutcome outcome;
  {
    BackgroundWriter writer(*load);  // parsing and SQL writes overlap on two cores
    outcome.result = ingest::ingest_sources(source_dir, writer, options.progress);
    writer.finish();
  }
  if (options.on_report) options.on_report(outcome.result);
  if (options.strict && outcome.result.report.has_errors()) {
    throw Error(ErrorCode::invalid_input,
                "--strict: " + std::to_string(outcome.result.report.error_count()) +
                    " rows broke hard rules; nothing was loaded and the current dataset is unchanged");
  }
  store::DatasetManifest manifest = make_manifest(outcome.result, source_dir);
  manifest.make_current = options.make_current;
  outcome.commit = load->commit(manifest);
  return outcome;
}

}  // namespace hci::pipeline
