#pragma once
// GET /dashboard/summary, /datasets and /datasets/{version}/quality.

#include "server/router.hpp"

namespace hci::server {

/// Adds the summary and dataset routes (read scope).
void add_dataset_routes(Router& router);

}  // namespace hci::server
