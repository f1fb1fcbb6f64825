#pragma once
// GET /measures, /measures/{id}, /measures/{id}/hospitals and /hospitals/{id}/measures: the hospital
// quality, spending and payment measures with CMS's values, footnotes and national and state context.

#include "server/router.hpp"

namespace hci::server {

/// Adds the measure routes (read scope).
void add_measure_routes(Router& router);

}  // namespace hci::server
