#pragma once
// Every route that answers from the data: the groups of routes/, in the order /openapi.json lists them.

#include "server/router.hpp"

namespace hci::server {

/// Adds the hospital, measure, state, dataset, export, prediction, analytics, ranking, county, model and pipeline
/// routes.
void add_data_routes(Router& router);

}  // namespace hci::server
