#pragma once
// GET /models, /models/{name}, /states/{code}/forecast and /clusters: the registered models and their results.

#include "server/router.hpp"

namespace hci::server {

/// Adds the model routes (read scope); each answers 503 until `hci train` has run on the served version.
void add_model_routes(Router& router);

}  // namespace hci::server
