// `hci ingest`: read, validate and load a source directory as one atomic dataset version.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "cli/format.hpp"
#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "pipeline/load_sources.hpp"

namespace hci::cli {

namespace {

struct IngestOptions {
  std::string source_dir = "data/snapshot";
  std::string report_dir = "data/quality";
  bool strict = false;
};

std::string write_report(const std::string& dir, const std::string& version, const nlohmann::json& report) {
  std::filesystem::create_directories(dir);
  std::string path = (std::filesystem::path(dir) / (version + ".json")).string();
  std::ofstream out(path);
  out << report.dump(2) << '\n';
  if (!out) throw Error(ErrorCode::unavailable, "cannot write the quality report to " + path);
  return path;
}

void print_summary(const ingest::IngestResult& result, store::CommitOutcome outcome, const std::string& report_path,
                   double seconds) {
  const auto& s = result.summary;
  const auto hospitals = s.at("hospitals").get<std::int64_t>();
  const auto rated = s.at("rated").get<std::int64_t>();
  std::printf("dataset version   %s (%s)\n", short_version(result.version).c_str(),
              outcome == store::CommitOutcome::new_version ? "new, now current" : "unchanged content, now current");
  std::printf(
      "hospitals         %s (%s rated, %s)\n", with_commas(hospitals).c_str(), with_commas(rated).c_str(),
      percent_text(hospitals == 0 ? 0.0 : 100.0 * static_cast<double>(rated) / static_cast<double>(hospitals)).c_str());
  std::printf("states            %s with hospitals\n", with_commas(s.at("states").get<std::int64_t>()).c_str());
  std::printf("geocoded          %s by ZIP centroid\n", percent_text(s.at("geocoded_pct").get<double>()).c_str());
  std::printf("beds (HIFLD link) %s hospitals, %s matched\n",
              with_commas(s.at("with_beds").get<std::int64_t>()).c_str(),
              percent_text(s.at("hifld_match_pct").get<double>()).c_str());
  std::printf("quality           %s findings, %s rows quarantined (%s errors)\n",
              with_commas(static_cast<std::int64_t>(result.report.findings().size())).c_str(),
              with_commas(static_cast<std::int64_t>(result.report.quarantined().size())).c_str(),
              with_commas(result.report.error_count()).c_str());
  std::printf("report            %s\n", report_path.c_str());
  std::printf("elapsed           %.2f s\n", seconds);
}

int run_ingest(const GlobalOptions& global, const IngestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto store = store::open_store(global.db);
  ProgressBar bar;
  std::string report_path;
  pipeline::LoadOptions load_options;
  load_options.strict = options.strict;
  load_options.progress = [&](std::string_view source, auto done, auto total) { bar.update(source, done, total); };
  load_options.on_report = [&](const ingest::IngestResult& result) {
    bar.finish();
    const nlohmann::json report = result.report.to_json();
    report_path = write_report(options.report_dir, result.version, report);
    std::printf("%squality report written to %s\n", ingest::format_quality_table(report).c_str(), report_path.c_str());
  };
  pipeline::LoadOutcome outcome = pipeline::load_sources(*store, options.source_dir, load_options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("\nIngested %s into %s\n", options.source_dir.c_str(), store->describe().c_str());
  print_summary(outcome.result, outcome.commit, report_path, seconds);
  return 0;
}

}  // namespace

void add_ingest_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto options = std::make_shared<IngestOptions>();
  auto* command = app.add_subcommand("ingest", "Validate and load a source directory as a new dataset version");
  command->add_option("--source-dir", options->source_dir, "directory holding the source CSV files")
      ->capture_default_str()
      ->check(CLI::ExistingDirectory);
  command->add_option("--report-dir", options->report_dir, "where the quality report JSON is written")
      ->capture_default_str();
  command->add_flag("--strict", options->strict, "fail, loading nothing, when any row breaks a hard rule");
  command->callback(
      [&global, &action, options] { action = [&global, options] { return run_ingest(global, *options); }; });
}

}  // namespace hci::cli
