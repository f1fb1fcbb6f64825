#pragma once
// GET /export/hospitals?format=csv|json|geojson: every matching hospital, streamed, never capped.

#include "server/router.hpp"

namespace hci::server {

/// Adds the export route (export scope).
void add_export_routes(Router& router);

}  // namespace hci::server
