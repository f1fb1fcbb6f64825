// `hci openapi`: print the API's OpenAPI 3.1 document, as GET /openapi.json serves it, without a database.
// docs/openapi.json is this output; the dashboard's API types are generated from it.

#include <cstdio>

#include "cli/commands.hpp"
#include "server/api.hpp"

namespace hci::cli {

void add_openapi_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("openapi", "Print the API's OpenAPI 3.1 document (as /openapi.json serves it)");
  command->callback([&action] {
    action = [] {
      const server::Api api(server::ApiOptions{}, server::DataSource{});
      std::printf("%s\n", api.openapi().dump(2).c_str());
      return 0;
    };
  });
}

}  // namespace hci::cli
