#pragma once
// GET /rankings: top or bottom areas by any metric, ties stated.

#include "server/router.hpp"

namespace hci::server {

/// Adds the ranking route (read scope); 503 until the served version is analysed.
void add_ranking_routes(Router& router);

}  // namespace hci::server
