#pragma once
// GET /analytics/correlations, /analytics/correlations/pair, /analytics/insights, /analytics/access and
// /analytics/metrics: the stored results of `hci analyze`.

#include "server/router.hpp"

namespace hci::server {

/// Adds the analytics routes (read scope); each answers 503 until the served version is analysed.
void add_analytics_routes(Router& router);

}  // namespace hci::server
