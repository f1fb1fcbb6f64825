#pragma once
// GET /counties and /counties/{fips}: County Health Rankings measures beside the state and the nation.

#include "server/router.hpp"

namespace hci::server {

/// Adds the county routes (read scope); 503 until the served version is analysed.
void add_county_routes(Router& router);

}  // namespace hci::server
