#pragma once
// Building blocks every route uses to shape its payload.

#include <string_view>

#include <nlohmann/json.hpp>

#include "server/http_message.hpp"
#include "server/snapshot.hpp"

namespace hci::server {

/// One object: {"data": <data_json>, "meta": {"dataset_version": ..., "source": ...}}, from rendered JSON.
HttpResponse rendered_object_response(const Snapshot& snapshot, std::string_view data_json);

/// The same, from a JSON value.
HttpResponse object_response(const Snapshot& snapshot, const nlohmann::ordered_json& data);

/// The pre-rendered hospital JSON, with `distance_km` appended when given.
void append_hospital(std::string& out, const Snapshot& snapshot, std::size_t index, std::optional<double> distance_km);

}  // namespace hci::server
