// hci: US Healthcare Insights command line. Exit status 0 = ok, 1 = failed, 2 = bad usage.

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace {

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  using namespace hci::cli;
  CLI::App app{"hci: US Healthcare Insights. Real public US healthcare data: ingest, validate, store, serve."};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand too: `hci ingest --db sqlite:x.db` (inherited)
  app.set_version_flag("--version", "hci 0.1.0");
  GlobalOptions global;
  app.add_option("--db", global.db,
                 "database: sqlite:PATH or postgresql://user@host:port/db (default sqlite:data/hci.db)")
      ->envname("HCI_DB")
      ->capture_default_str();
  spdlog::set_pattern("%^%l%$: %v");

  Action action;
  add_ingest_command(app, global, action);
  add_db_command(app, global, action);
  add_analyze_command(app, global, action);
  add_train_command(app, global, action);
  add_pipeline_command(app, global, action);
  add_dataset_command(app, global, action);
  add_quality_command(app, global, action);
  add_collect_command(app, action);
  add_serve_command(app, global, action);
  add_apikey_command(app, global, action);
  add_openapi_command(app, action);
  add_completion_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : kExitUsage;
  }
  try {
    return action ? action() : 0;
  } catch (const CLI::ValidationError& e) {
    std::fprintf(stderr, "hci: %s\n", e.what());
    return kExitUsage;
  } catch (const hci::Error& e) {
    std::fprintf(stderr, "hci: error (%s): %s\n", std::string(hci::error_code_name(e.code())).c_str(), e.what());
    return kExitFailed;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hci: internal error: %s\n", e.what());
    return kExitFailed;
  }
}
