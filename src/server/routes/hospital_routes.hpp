#pragma once
// GET /hospitals, /hospitals/{id}, /hospitals/nearest, /hospitals/compare.

#include "server/router.hpp"

namespace hci::server {

/// Adds the hospital routes (read scope).
void add_hospital_routes(Router& router);

}  // namespace hci::server
