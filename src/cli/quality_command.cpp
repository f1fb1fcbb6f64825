// `hci quality [VERSION]`: the quality report stored with a dataset version.

#include <cstdio>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "ingest/quality_report.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

struct QualityOptions {
  std::string version;
  bool json = false;
  std::int64_t rows = 20;
};

int run_quality(const GlobalOptions& global, const QualityOptions& options) {
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  auto dataset = store->find_dataset(options.version);
  if (!dataset) {
    throw Error(ErrorCode::not_found, options.version.empty()
                                          ? "no current dataset: run 'hci ingest'"
                                          : "no dataset version starts with '" + options.version + "'");
  }
  const auto report = nlohmann::json::parse(dataset->quality_report_json);
  if (options.json) {
    std::printf("%s\n", report.dump(2).c_str());
    return 0;
  }
  std::printf("Quality report of dataset %s\n%s", dataset->version.c_str(),
              ingest::format_quality_table(report).c_str());
  for (const auto& row : store->quarantined_rows(dataset->version, options.rows)) {
    std::printf("  %s line %lld: %s\n", row.source.c_str(), static_cast<long long>(row.line), row.reason.c_str());
  }
  return 0;
}

}  // namespace

void add_quality_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto options = std::make_shared<QualityOptions>();
  auto* command = app.add_subcommand("quality", "Print the quality report of a dataset version");
  command->add_option("VERSION", options->version, "version or prefix (default: current)");
  command->add_flag("--json", options->json, "print the report as JSON");
  command->add_option("--rows", options->rows, "quarantined rows to list")->capture_default_str();
  command->callback(
      [&global, &action, options] { action = [&global, options] { return run_quality(global, *options); }; });
}

}  // namespace hci::cli
