#include "server/routes/hospital_routes.hpp"

#include <algorithm>

#include "core/geo_distance.hpp"
#include "server/hospital_json.hpp"
#include "server/hospital_measures_json.hpp"
#include "server/hospital_query.hpp"
#include "server/measure_selection.hpp"
#include "server/openapi.hpp"
#include "server/pagination.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr std::size_t kNeighbours = 5;

constexpr QueryParameter kLatitude{.name = "lat",
                                   .type = ParameterType::number,
                                   .description = "latitude",
                                   .minimum = -90,
                                   .maximum = 90,
                                   .required = true};
constexpr QueryParameter kLongitude{.name = "lon",
                                    .type = ParameterType::number,
                                    .description = "longitude",
                                    .minimum = -180,
                                    .maximum = 180,
                                    .required = true};
constexpr QueryParameter kNearestK{
    .name = "k", .type = ParameterType::integer, .description = "how many (default 5)", .minimum = 1, .maximum = 100};
constexpr QueryParameter kEmergencyOnly{
    .name = "emergency", .type = ParameterType::boolean, .description = "only hospitals with emergency services"};
constexpr QueryParameter kNearestParameters[] = {kLatitude, kLongitude, kNearestK, kEmergencyOnly};
constexpr QueryParameter kCompareIds{.name = "ids",
                                     .type = ParameterType::list,
                                     .description = "1 to 3 comma-separated hospital ids",
                                     .max_items = 3,
                                     .required = true};

// fields=a,b,c: at most one of each hospital field.
const QueryParameter& fields_parameter() {
  static const QueryParameter fields{.name = "fields",
                                     .type = ParameterType::list,
                                     .description = "comma-separated hospital fields to return (default: all)",
                                     .max_items = hospital_fields().size()};
  return fields;
}

// Reads fields=a,b,c, each one a hospital field.
std::optional<std::vector<std::string>> read_fields(QueryReader& query) {
  auto fields = query.list(fields_parameter());
  if (!fields) return std::nullopt;
  for (const auto& field : *fields) {
    if (std::find(hospital_fields().begin(), hospital_fields().end(), field) == hospital_fields().end()) {
      query.fail("fields", field, "is not a hospital field");
      return std::nullopt;
    }
  }
  return fields;
}

void append_match(std::string& out, const Snapshot& snapshot, const HospitalMatch& match,
                  const std::optional<std::vector<std::string>>& fields) {
  if (!fields) {
    append_hospital(out, snapshot, match.index, match.distance_km, match.measure_value);
    return;
  }
  auto object = hospital_fields_to_json(snapshot.hospitals()[match.index], *fields);
  if (match.distance_km) object["distance_km"] = *match.distance_km;
  if (match.measure_value) object["measure_value"] = *match.measure_value;
  out += object.dump();
}

HttpResponse list_hospitals(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  const HospitalFilter filter = read_hospital_filter(query, snapshot);
  const HospitalSort sort = read_hospital_sort(query, filter);
  const PageRequest page = read_page_request(query, snapshot.dataset().version);
  const auto fields = read_fields(query);
  query.finish();

  const auto matches = find_hospitals(snapshot, filter, sort);
  auto id_at = [&](std::size_t i) -> std::string_view { return snapshot.hospitals()[matches[i].index].id; };
  const PageSlice slice = slice_page(page, matches.size(), id_at);
  auto write_items = [&](std::string& out) {
    for (std::size_t i = slice.begin; i < slice.end; ++i) {
      if (i > slice.begin) out += ',';
      append_match(out, snapshot, matches[i], fields);
    }
  };
  const std::string_view last_id = slice.end > slice.begin ? id_at(slice.end - 1) : std::string_view();
  return list_response(context.request, write_items, matches.size(), page, slice, snapshot.dataset().version,
                       snapshot.source_text(), last_id);
}

// The k hospitals nearest to a point, optionally only those with emergency services.
std::vector<HospitalMatch> nearest(const Snapshot& snapshot, GeoPoint point, std::size_t k, bool emergency_only,
                                   std::optional<std::size_t> exclude) {
  const auto neighbours = snapshot.spatial_index().nearest(point.latitude, point.longitude, k, [&](std::uint32_t i) {
    return (!emergency_only || snapshot.hospitals()[i].emergency_services) && exclude != i;
  });
  std::vector<HospitalMatch> matches;
  for (const auto& neighbour : neighbours) {
    HospitalMatch& match = matches.emplace_back();
    match.index = neighbour.index;
    match.distance_km = neighbour.distance_km;
  }
  return matches;
}

std::string hospitals_array(const Snapshot& snapshot, const std::vector<HospitalMatch>& matches) {
  std::string out = "[";
  for (const auto& match : matches) {
    if (out.size() > 1) out += ',';
    append_hospital(out, snapshot, match.index, match.distance_km);
  }
  return out + "]";
}

HttpResponse nearest_hospitals(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  auto latitude = query.number(kLatitude);
  auto longitude = query.number(kLongitude);
  const auto k = query.integer(kNearestK).value_or(5);
  const bool emergency = query.boolean(kEmergencyOnly).value_or(false);
  query.finish();
  const auto matches = nearest(snapshot, {*latitude, *longitude}, static_cast<std::size_t>(k), emergency, std::nullopt);
  return rendered_object_response(snapshot, hospitals_array(snapshot, matches));
}

HttpResponse hospital_detail(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  query.finish();
  const std::size_t index = requested_hospital(context);
  const Hospital& hospital = snapshot.hospitals()[index];
  std::string data = "{\"hospital\":" + snapshot.hospital_json(index);
  if (const StateProfile* state = snapshot.find_state(hospital.state)) {
    data += ",\"state_context\":" + state->summary_text;
  }
  std::vector<HospitalMatch> neighbours;
  if (hospital.latitude && hospital.longitude) {
    neighbours = nearest(snapshot, {*hospital.latitude, *hospital.longitude}, kNeighbours, false, index);
  }
  data += ",\"nearest\":" + hospitals_array(snapshot, neighbours);
  data += ",\"measure_groups\":" + measure_group_summary_json(snapshot.measures(), index).dump();
  data += ",\"medicare_inpatient\":" + medicare_inpatient_json(snapshot.measures(), index).dump() + "}";
  return rendered_object_response(snapshot, data);
}

// The measures a comparison shows: those chosen, else every measure (of the group) one of the hospitals has.
std::vector<std::size_t> compared_measures(const MeasureView& view, const std::vector<HospitalMatch>& matches,
                                           const std::optional<std::vector<std::size_t>>& chosen,
                                           const std::optional<std::string>& group) {
  if (chosen) return *chosen;
  std::vector<bool> present(view.measures().size(), false);
  for (const auto& match : matches) {
    for (const StoredValue& value : view.values_of(match.index)) present[value.measure] = true;
  }
  std::vector<std::size_t> measures;
  for (std::size_t i = 0; i < present.size(); ++i) {
    if (present[i] && (!group || view.measures()[i].group == *group)) measures.push_back(i);
  }
  return measures;
}

// One measure across the compared hospitals: its description and each hospital's value (null when none).
Json compared_measure_json(const Snapshot& snapshot, const std::vector<HospitalMatch>& matches, std::size_t index) {
  const MeasureView& view = snapshot.measures();
  const HospitalMeasure& m = view.measures()[index];
  Json values = Json::array();
  for (const auto& match : matches) {
    const StoredValue* value = view.value_of(match.index, index);
    values.push_back(value ? view.value_json(*value, snapshot.hospitals()[match.index].state) : Json(nullptr));
  }
  return {{"measure_id", m.id}, {"name", m.name},           {"group", m.group},
          {"unit", m.unit},     {"direction", m.direction}, {"values", std::move(values)}};
}

HttpResponse compare_hospitals(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  auto ids = query.list(kCompareIds);
  const auto chosen = read_measure_list(query, snapshot.measures());
  const auto group = query.choice(measure_group_parameter());
  std::vector<HospitalMatch> matches;
  for (const auto& id : ids.value_or(std::vector<std::string>{})) {
    auto index = snapshot.find_hospital(id);
    if (!index) {
      query.fail(kCompareIds.name, id, "no hospital with this id");
    } else {
      matches.emplace_back().index = static_cast<std::uint32_t>(*index);
    }
  }
  query.finish();
  Json measures = Json::array();
  for (std::size_t index : compared_measures(snapshot.measures(), matches, chosen, group)) {
    measures.push_back(compared_measure_json(snapshot, matches, index));
  }
  return rendered_object_response(
      snapshot, "{\"hospitals\":" + hospitals_array(snapshot, matches) + ",\"measures\":" + measures.dump() + "}");
}

}  // namespace

void add_hospital_routes(Router& router) {
  router.add({"GET", "/api/v1/hospitals", Scope::read, list_hospitals,
              operation("hospitals", "List hospitals with filters, sort and pages",
                        describe({hospital_filter_parameters(),
                                  {&hospital_sort_parameter(), 1},
                                  page_parameters(),
                                  {&fields_parameter(), 1}}),
                        list_of("HospitalFields"), {400})});
  router.add({"GET", "/api/v1/hospitals/nearest", Scope::read, nearest_hospitals,
              operation("hospitals", "The k hospitals nearest to a point", describe({kNearestParameters}),
                        object_of(array_of("Hospital")), {400})});
  router.add({"GET", "/api/v1/hospitals/compare", Scope::read, compare_hospitals,
              operation("hospitals",
                        "Up to 3 hospitals side by side with their measures (those chosen, else every measure "
                        "one of them has, of one group if asked)",
                        describe({{&kCompareIds, 1}, {&measure_list_parameter(), 1}, {&measure_group_parameter(), 1}}),
                        object_of(schema_ref("Comparison")), {400})});
  router.add({"GET", "/api/v1/hospitals/{id}", Scope::read, hospital_detail,
              with_ccn_redirect(
                  operation("hospitals",
                            "A hospital with its state context, 5 nearest neighbours, a summary per measure group and "
                            "its Medicare inpatient figures",
                            {path_parameter("id", "CMS Certification Number (Facility ID)")},
                            object_of(schema_ref("HospitalDetail")), {404}))});
}

}  // namespace hci::server
