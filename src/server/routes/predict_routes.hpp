#pragma once
// POST /predict/hospital-rating: validates the request body now, answers 503 until a model is trained.

#include "server/router.hpp"

namespace hci::server {

/// Adds the prediction route (predict scope).
void add_predict_routes(Router& router);

}  // namespace hci::server
