#pragma once
// Routes whose results come from a module not built yet (analytics): they answer 503 with a
// problem that says so, never an empty or made-up payload.

#include "server/router.hpp"

namespace hci::server {

/// Adds GET /analytics/correlations and GET /analytics/insights.
void add_pending_routes(Router& router);

}  // namespace hci::server
