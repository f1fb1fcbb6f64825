// `hci apikey create|list|revoke`: API keys for the server. The secret is printed once, never stored.

#include <cstdio>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "server/api_keys.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

struct CreateOptions {
  std::string name;
  std::string scopes = "read";
};

int run_create(const GlobalOptions& global, const CreateOptions& options) {
  const auto issued = server::issue_api_key(options.name, server::parse_scopes(options.scopes));
  store::open_store(global.db)->add_api_key(issued.record);
  std::printf("created API key '%s' with scopes %s\n%s\n", options.name.c_str(), issued.record.scopes.c_str(),
              issued.secret.c_str());
  std::fprintf(stderr, "store it now: only its SHA-256 is kept, it cannot be shown again\n");
  return 0;
}

int run_list(const GlobalOptions& global) {
  std::printf("%-20s %-14s %-28s %-22s %s\n", "NAME", "PREFIX", "SCOPES", "CREATED", "REVOKED");
  for (const auto& key : store::open_store(global.db, store::OpenMode::must_exist)->list_api_keys()) {
    std::printf("%-20s %-14s %-28s %-22s %s\n", key.name.c_str(), key.prefix.c_str(), key.scopes.c_str(),
                key.created_at.c_str(), key.revoked_at.empty() ? "-" : key.revoked_at.c_str());
  }
  return 0;
}

int run_revoke(const GlobalOptions& global, const std::string& name) {
  if (!store::open_store(global.db, store::OpenMode::must_exist)->revoke_api_key(name)) {
    throw Error(ErrorCode::not_found, "no active API key named '" + name + "'");
  }
  std::printf("revoked API key '%s' (running servers drop it within 2 s)\n", name.c_str());
  return 0;
}

}  // namespace

void add_apikey_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  static CreateOptions create_options;
  static std::string revoke_name;
  auto* apikey = app.add_subcommand("apikey", "API keys: create (printed once), list, revoke");
  apikey->require_subcommand(1);
  auto* create = apikey->add_subcommand("create", "Create a key and print it once");
  create->add_option("--name", create_options.name, "a unique name for the key")->required();
  create->add_option("--scopes", create_options.scopes, "comma-separated: read, predict, export, admin")
      ->capture_default_str();
  create->callback([&] { action = [&global] { return run_create(global, create_options); }; });
  apikey->add_subcommand("list", "List keys (names, prefixes, scopes; never the secrets)")->callback([&] {
    action = [&global] { return run_list(global); };
  });
  auto* revoke = apikey->add_subcommand("revoke", "Revoke a key by name");
  revoke->add_option("name", revoke_name, "the key's name")->required();
  revoke->callback([&] { action = [&global] { return run_revoke(global, revoke_name); }; });
}

}  // namespace hci::cli
