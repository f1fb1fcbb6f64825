#include "server/routes/payload.hpp"

#include <cmath>

namespace hci::server {

HttpResponse rendered_object_response(const Snapshot& snapshot, std::string_view data_json) {
  HttpResponse response;
  response.body.reserve(data_json.size() + snapshot.source_text().size() + 128);
  response.body += "{\"data\":";
  response.body += data_json;
  response.body += ",\"meta\":{\"dataset_version\":\"" + snapshot.dataset().version + "\",\"source\":";
  response.body += snapshot.source_text();
  response.body += "}}";
  return response;
}

HttpResponse object_response(const Snapshot& snapshot, const nlohmann::ordered_json& data) {
  return rendered_object_response(snapshot, data.dump());
}

void append_hospital(std::string& out, const Snapshot& snapshot, std::size_t index, std::optional<double> distance_km) {
  const std::string& json = snapshot.hospital_json(index);
  if (!distance_km) {
    out += json;
    return;
  }
  out.append(json, 0, json.size() - 1);  // drop the closing brace, add the distance field
  out += ",\"distance_km\":" + nlohmann::json(std::round(*distance_km * 1000.0) / 1000.0).dump() + "}";
}

}  // namespace hci::server
