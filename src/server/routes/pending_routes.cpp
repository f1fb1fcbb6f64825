#include "server/routes/pending_routes.hpp"

#include "server/openapi.hpp"
#include "server/problem.hpp"

namespace hci::server {

namespace {

Handler unavailable(std::string detail) {
  return [detail](const RequestContext&) -> HttpResponse { throw RequestError(503, ErrorCode::unavailable, detail); };
}

}  // namespace

void add_pending_routes(Router& router) {
  router.add({"GET", "/api/v1/analytics/correlations", Scope::read,
              unavailable("analytics not computed: correlations have not been computed for this dataset yet"),
              operation("analytics", "Correlation matrix (503 until analytics are computed)", {},
                        Json{{"type", "object"}}, {503})});
  router.add({"GET", "/api/v1/analytics/insights", Scope::read,
              unavailable("analytics not computed: insights have not been computed for this dataset yet"),
              operation("analytics", "Generated insights (503 until analytics are computed)", {},
                        Json{{"type", "object"}}, {503})});
}

}  // namespace hci::server
