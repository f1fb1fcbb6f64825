#include "server/hospital_json.hpp"

#include <array>

namespace hci::server {

namespace {

constexpr std::array<std::string_view, 20> kFields{"id",
                                                   "name",
                                                   "address",
                                                   "city",
                                                   "state",
                                                   "zip",
                                                   "county",
                                                   "county_fips",
                                                   "phone",
                                                   "type",
                                                   "ownership",
                                                   "emergency_services",
                                                   "birthing_friendly",
                                                   "rating",
                                                   "rating_footnote",
                                                   "rating_breakdown",
                                                   "latitude",
                                                   "longitude",
                                                   "beds",
                                                   "hifld_id"};

template <typename T>
nlohmann::ordered_json nullable(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json group_to_json(const MeasureGroup& group) {
  return {{"measures", nullable(group.measures)}, {"facility_measures", nullable(group.facility_measures)},
          {"better", nullable(group.better)},     {"no_different", nullable(group.no_different)},
          {"worse", nullable(group.worse)},       {"footnote", group.footnote}};
}

nlohmann::ordered_json breakdown_to_json(const Hospital& h) {
  return {{"mortality", group_to_json(h.mortality)},
          {"safety", group_to_json(h.safety)},
          {"readmission", group_to_json(h.readmission)},
          {"patient_experience", group_to_json(h.patient_experience)},
          {"timely_effective", group_to_json(h.timely_effective)}};
}

nlohmann::ordered_json field_value(const Hospital& h, std::string_view field) {
  if (field == "id") return h.id;
  if (field == "name") return h.name;
  if (field == "address") return h.address;
  if (field == "city") return h.city;
  if (field == "state") return h.state;
  if (field == "zip") return h.zip;
  if (field == "county") return h.county;
  if (field == "county_fips") return nullable(h.county_fips);
  if (field == "phone") return h.phone;
  if (field == "type") return h.type;
  if (field == "ownership") return h.ownership;
  if (field == "emergency_services") return h.emergency_services;
  if (field == "birthing_friendly") return h.birthing_friendly;
  if (field == "rating") return nullable(h.rating);
  if (field == "rating_footnote") return h.rating_footnote;
  if (field == "rating_breakdown") return breakdown_to_json(h);
  if (field == "latitude") return nullable(h.latitude);
  if (field == "longitude") return nullable(h.longitude);
  if (field == "beds") return nullable(h.beds);
  return nullable(h.hifld_id);
}

}  // namespace

std::span<const std::string_view> hospital_fields() { return kFields; }

nlohmann::ordered_json hospital_to_json(const Hospital& hospital) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::string_view field : kFields) object[std::string(field)] = field_value(hospital, field);
  return object;
}

nlohmann::ordered_json hospital_fields_to_json(const Hospital& hospital, std::span<const std::string> fields) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const std::string& field : fields) object[field] = field_value(hospital, field);
  return object;
}

}  // namespace hci::server
