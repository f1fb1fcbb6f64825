#include "server/routes/payload.hpp"

#include <cmath>

#include "server/problem.hpp"

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

const AnalysisView& require_analysis(const Snapshot& snapshot) {
  if (snapshot.analysis() == nullptr) {
    throw RequestError(503, ErrorCode::unavailable,
                       "analytics not computed yet for dataset " + snapshot.dataset().version.substr(0, 12) +
                           ": run 'hci analyze', then reload the server");
  }
  return *snapshot.analysis();
}

HttpResponse json_list_response(const RequestContext& context, const std::vector<const nlohmann::ordered_json*>& items,
                                const PageRequest& page, const char* id_field) {
  const Snapshot& snapshot = *context.snapshot;
  auto id_at = [&](std::size_t i) -> std::string_view {
    return id_field ? std::string_view(items[i]->at(id_field).get_ref<const std::string&>()) : std::string_view();
  };
  const PageSlice slice = slice_page(page, items.size(), id_at);
  auto write_items = [&](std::string& out) {
    for (std::size_t i = slice.begin; i < slice.end; ++i) {
      if (i > slice.begin) out += ',';
      out += items[i]->dump();
    }
  };
  const std::string_view last_id = slice.end > slice.begin ? id_at(slice.end - 1) : std::string_view();
  return list_response(context.request, write_items, items.size(), page, slice, snapshot.dataset().version,
                       snapshot.source_text(), last_id);
}

HttpResponse json_list_response(const RequestContext& context, const std::vector<nlohmann::ordered_json>& items,
                                const PageRequest& page, const char* id_field) {
  std::vector<const nlohmann::ordered_json*> pointers;
  pointers.reserve(items.size());
  for (const auto& item : items) pointers.push_back(&item);
  return json_list_response(context, pointers, page, id_field);
}

std::size_t hospital_or_404(const Snapshot& snapshot, const std::string& id) {
  auto index = snapshot.find_hospital(id);
  if (!index) throw RequestError(404, ErrorCode::not_found, "no hospital with id '" + id + "' in this dataset");
  return *index;
}

void append_hospital(std::string& out, const Snapshot& snapshot, std::size_t index, std::optional<double> distance_km,
                     std::optional<double> measure_value) {
  const std::string& json = snapshot.hospital_json(index);
  if (!distance_km && !measure_value) {
    out += json;
    return;
  }
  out.append(json, 0, json.size() - 1);  // drop the closing brace, add the match's fields
  if (distance_km) out += ",\"distance_km\":" + nlohmann::json(std::round(*distance_km * 1000.0) / 1000.0).dump();
  if (measure_value) out += ",\"measure_value\":" + nlohmann::json(*measure_value).dump();
  out += '}';
}

}  // namespace hci::server
