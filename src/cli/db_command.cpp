// `hci db migrate|status`: the schema migrations of the store.

#include <cstdio>

#include "cli/commands.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

int run_migrate(const GlobalOptions& global) {
  auto store = store::open_store(global.db);
  auto applied = store->migrate();
  if (applied.empty()) std::printf("%s: schema is up to date\n", store->describe().c_str());
  for (const auto& m : applied) std::printf("applied %03d_%s\n", m.version, m.name.c_str());
  return 0;
}

int run_status(const GlobalOptions& global) {
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  std::printf("%s\n", store->describe().c_str());
  for (const auto& m : store->migration_status()) {
    std::printf("  %03d_%-30s %s\n", m.version, m.name.c_str(),
                m.applied ? ("applied " + m.applied_at).c_str() : "pending");
  }
  return 0;
}

}  // namespace

void add_db_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto* db = app.add_subcommand("db", "Database schema: apply or list migrations");
  db->require_subcommand(1);
  db->add_subcommand("migrate", "Apply pending migrations, each in its own transaction")->callback([&] {
    action = [&global] { return run_migrate(global); };
  });
  db->add_subcommand("status", "List migrations and whether each is applied")->callback([&] {
    action = [&global] { return run_status(global); };
  });
}

}  // namespace hci::cli
