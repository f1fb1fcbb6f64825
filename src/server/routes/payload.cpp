#include "server/routes/payload.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/text.hpp"
#include "server/moved_permanently.hpp"
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

const AnalysisView& require_analysis(const Snapshot& snapshot, QueryReader& query) {
  if (snapshot.analysis() == nullptr) query.finish();
  return require_analysis(snapshot);
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

namespace {

constexpr std::size_t kCcnLength = 6;
constexpr std::size_t kNameSuggestions = 5;

// The CCN `id` stands for when it is one that lost its leading zeros (a spreadsheet's number), or nullopt.
std::optional<std::string> zero_padded_ccn(const std::string& id) {
  if (id.size() >= kCcnLength || !is_all_digits(id)) return std::nullopt;
  return zero_pad(id, kCcnLength);
}

// The request's URL with its {id} path segment replaced by `canonical`, or nullopt when the raw path spells
// the id otherwise (percent-encoded digits).
std::optional<std::string> url_with_id(const HttpRequest& request, const std::string& id,
                                       const std::string& canonical) {
  const std::string segment = "/hospitals/" + id;
  const auto at = request.path.find(segment);
  if (at == std::string::npos) return std::nullopt;
  std::string path = request.path;
  path.replace(at + segment.size() - id.size(), id.size(), canonical);
  return request.query.empty() ? path : path + "?" + request.query;
}

// "; hospitals whose name contains it: ID (NAME, STATE), ..." (up to five) for text with a letter, or "".
std::string name_suggestions(const Snapshot& snapshot, const std::string& text) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return "";
  }
  const std::string wanted = to_upper_ascii(text);
  std::string listed;
  std::size_t found = 0;
  for (const Hospital& hospital : snapshot.hospitals()) {
    if (to_upper_ascii(hospital.name).find(wanted) == std::string::npos) continue;
    listed += (found == 0 ? "" : ", ") + hospital.id + " (" + hospital.name + ", " + hospital.state + ")";
    if (++found == kNameSuggestions) break;
  }
  return found == 0 ? "" : "; hospitals whose name contains it: " + listed;
}

}  // namespace

std::size_t requested_hospital(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  const std::string& id = context.path_values.at(0);
  if (auto index = snapshot.find_hospital(id)) return *index;
  if (auto padded = zero_padded_ccn(id); padded && snapshot.find_hospital(*padded)) {
    if (auto location = url_with_id(context.request, id, *padded)) throw MovedPermanently(*location);
  }
  throw RequestError(404, ErrorCode::not_found,
                     "no hospital with id '" + id + "' in this dataset" + name_suggestions(snapshot, id));
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
