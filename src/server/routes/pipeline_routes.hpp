#pragma once
// GET /pipeline/runs: the recorded pipeline runs with their task attempts.

#include "server/router.hpp"

namespace hci::server {

/// Adds the pipeline route (read scope).
void add_pipeline_routes(Router& router);

}  // namespace hci::server
