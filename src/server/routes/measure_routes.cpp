#include "server/routes/measure_routes.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "server/hospital_measures_json.hpp"
#include "server/measure_selection.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr std::array<std::string_view, 3> kOrders{"best", "value", "-value"};
constexpr QueryParameter kOrder{.name = "sort",
                                .type = ParameterType::choice,
                                .description =
                                    "best (default: best first by the measure's direction), value "
                                    "(ascending) or -value (descending)",
                                .choices = kOrders};
constexpr QueryParameter kState{.name = "state", .description = "USPS code", .max_length = 2};
constexpr QueryParameter kType{.name = "type", .description = "hospital type, e.g. Acute Care Hospitals"};
constexpr QueryParameter kMeasureHospitalFilters[] = {kState, kType, kOrder};

std::size_t measure_or_404(const MeasureView& view, const std::string& id) {
  auto index = view.find(id);
  if (!index) {
    throw RequestError(404, ErrorCode::not_found,
                       "no measure with id '" + id + "'; GET /api/v1/measures lists the catalogue");
  }
  return *index;
}

HttpResponse list_measures(const RequestContext& context) {
  QueryReader query(context.request.query);
  const auto group = query.choice(measure_group_parameter());
  const PageRequest page = read_page_request(query, context.snapshot->dataset().version);
  query.finish();
  const MeasureView& view = context.snapshot->measures();
  std::vector<Json> measures;
  for (std::size_t i = 0; i < view.measures().size(); ++i) {
    if (!group || view.measures()[i].group == *group) measures.push_back(view.measure_json(i));
  }
  return json_list_response(context, measures, page, "id");
}

HttpResponse measure_detail(const RequestContext& context) {
  QueryReader query(context.request.query);
  query.finish();
  const MeasureView& view = context.snapshot->measures();
  return object_response(*context.snapshot, view.measure_detail_json(measure_or_404(view, context.path_values[0])));
}

HttpResponse measure_hospitals(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  const auto state = query.text(kState);
  const auto type = query.text(kType);
  const std::string order = query.choice(kOrder).value_or("best");
  const PageRequest page = read_page_request(query, snapshot.dataset().version);
  query.finish();
  const MeasureView& view = snapshot.measures();
  const std::size_t index = measure_or_404(view, context.path_values[0]);
  const bool ascending = order == "value" || (order == "best" && view.measures()[index].direction == "lower_is_better");
  auto rows = std::vector(view.hospitals_with(index).begin(), view.hospitals_with(index).end());
  std::erase_if(rows, [&](const auto& row) {
    const Hospital& h = snapshot.hospitals()[row.first];
    return (state && h.state != to_upper_ascii(*state)) || (type && h.type != *type);
  });
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    const double x = *view.value_at(a.second).value, y = *view.value_at(b.second).value;
    return ascending ? x < y : x > y;
  });
  const auto& sorted = view.distribution(index).sorted;
  std::vector<Json> listed;
  listed.reserve(rows.size());
  for (const auto& [hospital, position] : rows) {
    const Hospital& h = snapshot.hospitals()[hospital];
    const StoredValue& value = view.value_at(position);
    listed.push_back({{"facility_id", h.id},
                      {"name", h.name},
                      {"city", h.city},
                      {"state", h.state},
                      {"type", h.type},
                      {"value", *value.value},
                      {"denominator", value.denominator ? Json(*value.denominator) : Json(nullptr)},
                      {"footnote", view.text(value.footnote)},
                      {"percentile", std::round(percentile_of(sorted, *value.value) * 10) / 10}});
  }
  return json_list_response(context, listed, page, nullptr);
}

HttpResponse hospital_measures(const RequestContext& context) {
  const Snapshot& snapshot = *context.snapshot;
  QueryReader query(context.request.query);
  const auto group = query.choice(measure_group_parameter());
  query.finish();
  const std::size_t hospital = requested_hospital(context);
  const Hospital& h = snapshot.hospitals()[hospital];
  const MeasureView& view = snapshot.measures();
  Json values = Json::array();
  for (const StoredValue& value : view.values_of(hospital)) {
    if (group && view.measures()[value.measure].group != *group) continue;
    values.push_back(view.value_json(value, h.state));
  }
  Json data = {{"facility_id", h.id},
               {"name", h.name},
               {"state", h.state},
               {"groups", measure_group_summary_json(view, hospital)},
               {"medicare_inpatient", medicare_inpatient_json(view, hospital)},
               {"measures", std::move(values)}};
  return object_response(snapshot, data);
}

}  // namespace

void add_measure_routes(Router& router) {
  router.add({"GET", "/api/v1/measures", Scope::read, list_measures,
              operation("measures",
                        "The hospital measure catalogue: CMS's id, name, group, direction, unit, period, source, "
                        "national value and how many hospitals have a value",
                        describe({{&measure_group_parameter(), 1}, page_parameters()}), list_of("Measure"), {400})});
  router.add({"GET", "/api/v1/measures/{id}", Scope::read, measure_detail,
              operation("measures",
                        "A measure's distribution over hospitals (n, quantiles), its missing-value reasons, the "
                        "national value and a summary per state",
                        {path_parameter("id", "measure id, e.g. READM-30-HF-HRRP")},
                        object_of(schema_ref("MeasureDetail")), {404})});
  router.add({"GET", "/api/v1/measures/{id}/hospitals", Scope::read, measure_hospitals,
              operation("measures", "The hospitals with a value of a measure, best first, filtered by state and type",
                        [] {
                          auto parameters = describe({kMeasureHospitalFilters, page_parameters()});
                          parameters.insert(parameters.begin(), path_parameter("id", "measure id"));
                          return parameters;
                        }(),
                        list_of("MeasureHospital"), {400, 404})});
  router.add({"GET", "/api/v1/hospitals/{id}/measures", Scope::read, hospital_measures,
              with_ccn_redirect(operation(
                  "hospitals",
                  "Every measure value of a hospital against the national and state values, with CMS's "
                  "footnote text where there is no value",
                  {path_parameter("id", "CMS Certification Number (Facility ID)"), describe(measure_group_parameter())},
                  object_of(schema_ref("HospitalMeasures")), {400, 404}))});
}

}  // namespace hci::server
