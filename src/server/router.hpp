#pragma once
// The route table: method + path pattern -> handler, with the scope each route needs and what the
// OpenAPI document says about it.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/http_message.hpp"
#include "server/snapshot.hpp"
#include "server/store_catalog.hpp"

namespace hci::server {

/// What a caller must be allowed to do for a route. `none` routes are open (health, docs).
enum class Scope { none, read, predict, export_data, admin };

/// The name of a scope as written in keys and documents ("read", "export", ...).
std::string_view scope_name(Scope scope);

/// What a handler gets: the request, the values of the pattern's {placeholders} in order, and the
/// snapshot and catalogue current when the request arrived (they stay alive until the response is sent).
struct RequestContext {
  const HttpRequest& request;
  std::vector<std::string> path_values;
  std::shared_ptr<const Snapshot> snapshot;     // null only on routes that do not need data
  std::shared_ptr<const StoreCatalog> catalog;  // null only on routes that do not need data
};

/// Answers one request; throws RequestError or hci::Error to answer with a problem.
using Handler = std::function<HttpResponse(const RequestContext&)>;

/// One route: `pattern` segments are literals or {name} placeholders.
struct Route {
  std::string method;
  std::string pattern;
  Scope scope = Scope::read;
  Handler handler;
  nlohmann::ordered_json openapi;  // the OpenAPI operation object (summary, parameters, responses)
};

/// Finds the route for a method and path. Literal segments win over placeholders.
class Router {
 public:
  /// Adds a route; routes are matched in the order that literal segments are preferred.
  void add(Route route);

  /// The result of matching: the route (null when none), its placeholder values, and when the path
  /// exists under other methods only, those methods (for 405 and Allow).
  struct Match {
    const Route* route = nullptr;
    std::vector<std::string> values;
    std::vector<std::string> allowed_methods;
  };
  /// Matches a decoded path.
  Match match(std::string_view method, std::string_view path) const;
  /// Every route, in the order added.
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace hci::server
