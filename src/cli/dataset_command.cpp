// `hci dataset list|show [VERSION]`: stored dataset versions and their provenance.

#include <nlohmann/json.hpp>

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/format.hpp"
#include "core/error.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

int run_list(const GlobalOptions& global) {
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  auto datasets = store->list_datasets();
  if (datasets.empty()) {
    std::printf("no dataset versions in %s: run 'hci ingest'\n", store->describe().c_str());
    return 0;
  }
  std::printf("  %-12s  %-20s  %9s  %11s\n", "VERSION", "CREATED (UTC)", "HOSPITALS", "QUARANTINED");
  for (const auto& d : datasets) {
    std::printf("%s %-12s  %-20s  %9s  %11s\n", d.is_current ? "*" : " ", short_version(d.version).c_str(),
                d.created_at.c_str(), with_commas(d.hospital_count).c_str(), with_commas(d.quarantined_count).c_str());
  }
  std::printf("(* = current)\n");
  return 0;
}

int run_show(const GlobalOptions& global, const std::string& version) {
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  auto dataset = store->find_dataset(version);
  if (!dataset) {
    throw Error(ErrorCode::not_found, version.empty() ? "no current dataset: run 'hci ingest'"
                                                      : "no dataset version starts with '" + version + "'");
  }
  std::printf("version      %s%s\n", dataset->version.c_str(), dataset->is_current ? " (current)" : "");
  std::printf("created      %s\n", dataset->created_at.c_str());
  std::printf("source dir   %s\n", dataset->source_dir.c_str());
  std::printf("hospitals    %s\n", with_commas(dataset->hospital_count).c_str());
  std::printf("quarantined  %s rows\n", with_commas(dataset->quarantined_count).c_str());
  std::printf("sources\n");
  for (const auto& s : dataset->sources) {
    std::printf("  %-46s %9s rows %11s bytes  sha256 %s\n", s.path.c_str(), with_commas(s.rows).c_str(),
                with_commas(s.bytes).c_str(), s.sha256.c_str());
  }
  std::printf("summary\n%s\n", nlohmann::json::parse(dataset->summary_json).dump(2).c_str());
  return 0;
}

}  // namespace

void add_dataset_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto* dataset = app.add_subcommand("dataset", "Stored dataset versions");
  dataset->require_subcommand(1);
  dataset->add_subcommand("list", "List versions, newest first")->callback([&] {
    action = [&global] { return run_list(global); };
  });
  auto version = std::make_shared<std::string>();
  auto* show = dataset->add_subcommand("show", "Show a version's sources, checksums and summary");
  show->add_option("VERSION", *version, "version or prefix (default: current)");
  show->callback([&, version] { action = [&global, version] { return run_show(global, *version); }; });
}

}  // namespace hci::cli
