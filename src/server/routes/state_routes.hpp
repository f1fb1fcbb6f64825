#pragma once
// GET /states and /states/{code or name}.

#include "server/router.hpp"

namespace hci::server {

/// Adds the state routes (read scope).
void add_state_routes(Router& router);

}  // namespace hci::server
