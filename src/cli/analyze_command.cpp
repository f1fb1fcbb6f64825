// `hci analyze [VERSION]`: profiles, rankings, correlations, insights and access for a dataset version.

#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "pipeline/analyze_dataset.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

int run_analyze(const GlobalOptions& global, const std::string& version) {
  const auto started = std::chrono::steady_clock::now();
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  const auto outcome = pipeline::analyze_dataset(*store, version);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::printf("Analysed dataset %s in %.2f s: %zu documents, %zu insights, %zu ZIP centroids measured\n",
              outcome.version.substr(0, 12).c_str(), took.count(), outcome.documents, outcome.insights, outcome.zips);
  return 0;
}

}  // namespace

void add_analyze_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto version = std::make_shared<std::string>();
  auto* command = app.add_subcommand(
      "analyze", "Compute state and county profiles, rankings, correlations, insights and access to care");
  command->add_option("VERSION", *version, "version or prefix (default: current)");
  command->callback(
      [&global, &action, version] { action = [&global, version] { return run_analyze(global, *version); }; });
}

}  // namespace hci::cli
