#pragma once
// The subcommands of hci; each registers itself on the CLI11 app and runs when selected.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace hci::cli {

/// Options shared by every subcommand.
struct GlobalOptions {
  std::string db = "sqlite:data/hci.db";  // --db / HCI_DB
};

/// What a selected subcommand runs after parsing; returns the exit status.
using Action = std::function<int()>;

/// `hci ingest`: validate and load a source directory as a new dataset version.
void add_ingest_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci db migrate|status`: apply or list schema migrations.
void add_db_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci analyze [VERSION]`: analytics for a dataset version, stored with it.
void add_analyze_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci train`: the four models, cross-validated and registered.
void add_train_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci pipeline run|schedule|status|history|task`: the task graph.
void add_pipeline_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci dataset list|show`: the stored dataset versions.
void add_dataset_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci quality [VERSION]`: the quality report of a version.
void add_quality_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci serve`: the REST API over HTTP.
void add_serve_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci apikey create|list|revoke`: API keys for the server.
void add_apikey_command(CLI::App& app, const GlobalOptions& global, Action& action);
/// `hci openapi`: print the OpenAPI document of the API.
void add_openapi_command(CLI::App& app, Action& action);
/// `hci completion bash`: print a bash completion script for every command and option.
void add_completion_command(CLI::App& app, Action& action);
/// `hci collect`: download the live CMS hospital file.
void add_collect_command(CLI::App& app, Action& action);

}  // namespace hci::cli
