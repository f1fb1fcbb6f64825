#include "server/hospital_query.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>

#include "core/geo_distance.hpp"
#include "core/text.hpp"
#include "core/us_states.hpp"

namespace hci::server {

namespace {

constexpr std::string_view kRatingTieBreak = "H_STAR_RATING";  // patient survey summary star, 1-5
constexpr std::array<std::string_view, 14> kSortFields{"id",       "name",      "city",      "state",  "zip",
                                                       "county",   "type",      "ownership", "rating", "beds",
                                                       "latitude", "longitude", "distance",  "measure"};

constexpr QueryParameter kState{
    .name = "state", .description = "USPS code of a state, DC or territory (TX, dc, PR)", .max_length = 2};
constexpr QueryParameter kCity{.name = "city", .description = "city, exact match ignoring case"};
constexpr QueryParameter kCounty{.name = "county", .description = "county name as CMS writes it, ignoring case"};
constexpr QueryParameter kType{.name = "type", .description = "CMS hospital type, e.g. 'Critical Access Hospitals'"};
constexpr QueryParameter kOwnership{.name = "ownership",
                                    .description = "CMS ownership, e.g. 'Voluntary non-profit - Private'"};
constexpr QueryParameter kEmergency{.name = "emergency",
                                    .type = ParameterType::boolean,
                                    .description = "only hospitals with (true) or without emergency services"};
constexpr QueryParameter kBirthingFriendly{
    .name = "birthing_friendly", .type = ParameterType::boolean, .description = "CMS birthing-friendly designation"};
constexpr QueryParameter kRated{.name = "rated",
                                .type = ParameterType::boolean,
                                .description = "only hospitals CMS rated (true) or did not rate (false)"};
constexpr QueryParameter kMinRating{.name = "min_rating",
                                    .type = ParameterType::integer,
                                    .description = "lowest overall star rating",
                                    .minimum = 1,
                                    .maximum = 5};
constexpr QueryParameter kMaxRating{.name = "max_rating",
                                    .type = ParameterType::integer,
                                    .description = "highest overall star rating",
                                    .minimum = 1,
                                    .maximum = 5};
constexpr QueryParameter kQ{.name = "q", .description = "case-insensitive substring of the name or the city"};
constexpr QueryParameter kNear{
    .name = "near", .description = "a point 'lat,lon'; adds distance_km and sorts by it", .max_length = 60};
constexpr QueryParameter kNearZip{.name = "near_zip",
                                  .description = "a 5-digit ZIP: its centroid as the point of near (one of the two)",
                                  .max_length = 5};
constexpr QueryParameter kRadius{.name = "radius_km",
                                 .type = ParameterType::number,
                                 .description = "only hospitals within this distance of near or near_zip",
                                 .minimum = 0.001,
                                 .maximum = 5000};
constexpr QueryParameter kMeasure{.name = "measure",
                                  .description =
                                      "a measure id of /api/v1/measures (READM-30-HF-HRRP): only hospitals "
                                      "with a value of it, each with its measure_value; sort=measure "
                                      "orders by it",
                                  .max_length = 60};
constexpr double kLargestMeasureValue = 1e13;  // beyond any CMS figure (dollars included)
constexpr QueryParameter kMinValue{.name = "min_value",
                                   .type = ParameterType::number,
                                   .description = "lowest value of measure (inclusive)",
                                   .minimum = -kLargestMeasureValue,
                                   .maximum = kLargestMeasureValue};
constexpr QueryParameter kMaxValue{.name = "max_value",
                                   .type = ParameterType::number,
                                   .description = "highest value of measure (inclusive)",
                                   .minimum = -kLargestMeasureValue,
                                   .maximum = kLargestMeasureValue};
constexpr QueryParameter kFilters[] = {
    kState,     kCity, kCounty, kType,    kOwnership, kEmergency, kBirthingFriendly, kRated,   kMinRating,
    kMaxRating, kQ,    kNear,   kNearZip, kRadius,    kMeasure,   kMinValue,         kMaxValue};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && to_upper_ascii(a) == to_upper_ascii(b);
}

// Reads a text filter that must equal (ignoring case) one of the values present in the data.
std::optional<std::string> read_known_value(QueryReader& query, const QueryParameter& parameter,
                                            const Snapshot& snapshot, std::string Hospital::*field) {
  auto value = query.text(parameter);
  if (!value) return std::nullopt;
  std::set<std::string> known;
  for (const auto& hospital : snapshot.hospitals()) known.insert(hospital.*field);
  for (const auto& candidate : known) {
    if (equals_ignoring_case(candidate, *value)) return candidate;
  }
  std::string list;
  for (const auto& candidate : known) list += (list.empty() ? "" : "; ") + candidate;
  query.fail(parameter.name, *value, "must be one of: " + list);
  return std::nullopt;
}

std::optional<std::string> read_state(QueryReader& query) {
  auto value = query.text(kState);
  if (!value) return std::nullopt;
  const std::string code = to_upper_ascii(*value);
  auto jurisdiction = find_jurisdiction(code);
  if (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only) {
    query.fail(kState.name, *value, "must be a USPS state, DC or territory code such as TX");
    return std::nullopt;
  }
  return code;
}

// Reads the measure filter: a catalogue id, and value bounds that need it.
void read_measure_filter(QueryReader& query, const Snapshot& snapshot, HospitalFilter& f) {
  const auto id = query.text(kMeasure);
  if (id) {
    f.measure = snapshot.measures().find(*id);
    if (!f.measure) query.fail(kMeasure.name, *id, "is not a measure id; GET /api/v1/measures lists them");
  }
  f.min_value = query.number(kMinValue);
  f.max_value = query.number(kMaxValue);
  for (const auto& [parameter, bound] : {std::pair{&kMinValue, f.min_value}, std::pair{&kMaxValue, f.max_value}}) {
    if (bound && !id) query.fail(parameter->name, std::to_string(*bound), "needs measure=ID");
  }
  if (f.min_value && f.max_value && *f.min_value > *f.max_value) {
    query.fail(kMinValue.name, std::to_string(*f.min_value), "must not exceed max_value");
  }
}

bool matches(const Hospital& h, const HospitalFilter& f) {
  if (f.city && !equals_ignoring_case(h.city, *f.city)) return false;
  if (f.county && !equals_ignoring_case(h.county, *f.county)) return false;
  if (f.type && h.type != *f.type) return false;
  if (f.ownership && h.ownership != *f.ownership) return false;
  if (f.emergency && h.emergency_services != *f.emergency) return false;
  if (f.birthing_friendly && h.birthing_friendly != *f.birthing_friendly) return false;
  if (f.rated && h.rating.has_value() != *f.rated) return false;
  if (f.min_rating && (!h.rating || *h.rating < *f.min_rating)) return false;
  if (f.max_rating && (!h.rating || *h.rating > *f.max_rating)) return false;
  if (f.q) {
    const std::string needle = to_upper_ascii(*f.q);
    if (to_upper_ascii(h.name).find(needle) == std::string::npos &&
        to_upper_ascii(h.city).find(needle) == std::string::npos) {
      return false;
    }
  }
  return true;
}

// Compares two optional sort keys: values ascending or descending, nulls always last; 0 when equal.
template <typename T>
int compare_keys(const std::optional<T>& a, const std::optional<T>& b, bool descending) {
  if (!a || !b) return a.has_value() == b.has_value() ? 0 : (a ? -1 : 1);
  if (*a == *b) return 0;
  return (*a < *b) != descending ? -1 : 1;
}

int compare_by(const HospitalMatch& x, const HospitalMatch& y, const Snapshot& s, const HospitalSort& sort) {
  const Hospital& a = s.hospitals()[x.index];
  const Hospital& b = s.hospitals()[y.index];
  const bool d = sort.descending;
  using Text = std::optional<std::string_view>;
  const std::string& f = sort.field;
  if (f == "name") return compare_keys(Text(a.name), Text(b.name), d);
  if (f == "city") return compare_keys(Text(a.city), Text(b.city), d);
  if (f == "state") return compare_keys(Text(a.state), Text(b.state), d);
  if (f == "zip") return compare_keys(Text(a.zip), Text(b.zip), d);
  if (f == "county") return compare_keys(Text(a.county), Text(b.county), d);
  if (f == "type") return compare_keys(Text(a.type), Text(b.type), d);
  if (f == "ownership") return compare_keys(Text(a.ownership), Text(b.ownership), d);
  if (f == "rating") {
    if (int by_rating = compare_keys(a.rating, b.rating, d)) return by_rating;
    if (int by_survey = compare_keys(x.survey_stars, y.survey_stars, d)) return by_survey;
    return compare_keys(Text(a.name), Text(b.name), false);
  }
  if (f == "beds") return compare_keys(a.beds, b.beds, d);
  if (f == "latitude") return compare_keys(a.latitude, b.latitude, d);
  if (f == "longitude") return compare_keys(a.longitude, b.longitude, d);
  if (f == "distance") return compare_keys(x.distance_km, y.distance_km, d);
  if (f == "measure") return compare_keys(x.measure_value, y.measure_value, d);
  return compare_keys(Text(a.id), Text(b.id), d);
}

}  // namespace

std::span<const std::string_view> hospital_sort_fields() { return kSortFields; }

std::span<const QueryParameter> hospital_filter_parameters() { return kFilters; }

const QueryParameter& hospital_sort_parameter() {
  static const std::string description = [] {
    std::string fields;
    for (auto field : kSortFields) fields += (fields.empty() ? "" : ", ") + std::string(field);
    return "a field (" + fields +
           "); '-' for descending; ties break by id, equal ratings by the patient survey "
           "summary star (H_STAR_RATING) in the same direction, then by name";
  }();
  static const QueryParameter sort{.name = "sort", .description = description, .max_length = 40};
  return sort;
}

std::optional<GeoPoint> read_point(QueryReader& query, const QueryParameter& parameter) {
  const std::string_view name = parameter.name;
  auto value = query.raw(parameter);
  if (!value) return std::nullopt;
  const size_t comma = value->find(',');
  GeoPoint point;
  auto parse = [](std::string_view text, double& out) {
    text = trim(text);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
  };
  if (comma == std::string::npos || !parse(std::string_view(*value).substr(0, comma), point.latitude) ||
      !parse(std::string_view(*value).substr(comma + 1), point.longitude)) {
    query.fail(name, *value, "must be 'latitude,longitude' in decimal degrees");
    return std::nullopt;
  }
  if (point.latitude < -90 || point.latitude > 90 || point.longitude < -180 || point.longitude > 180) {
    query.fail(name, *value, "latitude must be within [-90, 90] and longitude within [-180, 180]");
    return std::nullopt;
  }
  return point;
}

// near_zip: the ZIP's centroid becomes the filter's point.
void read_near_zip(QueryReader& query, const Snapshot& snapshot, HospitalFilter& f) {
  const auto zip = query.text(kNearZip);
  if (!zip) return;
  const GeoPoint* point = snapshot.find_zip(*zip);
  if (f.near) {
    query.fail(kNearZip.name, *zip, "give near or near_zip, not both");
  } else if (point == nullptr) {
    query.fail(kNearZip.name, *zip, "is not a ZIP with a centroid in this dataset");
  } else {
    f.near = *point;
  }
}

HospitalFilter read_hospital_filter(QueryReader& query, const Snapshot& snapshot) {
  HospitalFilter f;
  f.state = read_state(query);
  f.city = query.text(kCity);
  f.county = query.text(kCounty);
  f.type = read_known_value(query, kType, snapshot, &Hospital::type);
  f.ownership = read_known_value(query, kOwnership, snapshot, &Hospital::ownership);
  f.q = query.text(kQ);
  f.emergency = query.boolean(kEmergency);
  f.birthing_friendly = query.boolean(kBirthingFriendly);
  f.rated = query.boolean(kRated);
  f.min_rating = query.integer(kMinRating);
  f.max_rating = query.integer(kMaxRating);
  if (f.min_rating && f.max_rating && *f.min_rating > *f.max_rating) {
    query.fail(kMinRating.name, std::to_string(*f.min_rating), "must not exceed max_rating");
  }
  f.near = read_point(query, kNear);
  read_near_zip(query, snapshot, f);
  f.radius_km = query.number(kRadius);
  if (f.radius_km && !f.near) query.fail(kRadius.name, std::to_string(*f.radius_km), "needs near or near_zip");
  read_measure_filter(query, snapshot, f);
  return f;
}

HospitalSort read_hospital_sort(QueryReader& query, const HospitalFilter& filter) {
  HospitalSort sort;
  if (filter.near) sort.field = "distance";
  auto value = query.text(hospital_sort_parameter());
  if (!value) return sort;
  sort.descending = value->front() == '-';
  sort.field = sort.descending ? value->substr(1) : *value;
  if (std::find(kSortFields.begin(), kSortFields.end(), sort.field) == kSortFields.end()) {
    std::string list;
    for (auto field : kSortFields) list += (list.empty() ? "" : ", ") + std::string(field);
    query.fail("sort", *value, "must be a field (prefix '-' for descending): " + list);
    return HospitalSort{};
  }
  if (sort.field == "distance" && !filter.near) query.fail("sort", *value, "distance needs near or near_zip");
  if (sort.field == "measure" && !filter.measure) query.fail("sort", *value, "measure needs measure=ID");
  return sort;
}

std::vector<HospitalMatch> find_hospitals(const Snapshot& snapshot, const HospitalFilter& filter,
                                          const HospitalSort& sort) {
  std::vector<HospitalMatch> result;
  const auto survey = sort.field == "rating" ? snapshot.measures().find(kRatingTieBreak) : std::nullopt;
  auto consider = [&](std::uint32_t index) {
    const Hospital& h = snapshot.hospitals()[index];
    if (!matches(h, filter)) return;
    HospitalMatch match;
    match.index = index;
    if (filter.near) {
      if (!h.latitude || !h.longitude) return;
      match.distance_km =
          great_circle_metres(filter.near->latitude, filter.near->longitude, *h.latitude, *h.longitude) / 1000.0;
      if (filter.radius_km && *match.distance_km > *filter.radius_km) return;
    }
    if (filter.measure) {
      const StoredValue* value = snapshot.measures().value_of(index, *filter.measure);
      if (value == nullptr || !value->value) return;
      if ((filter.min_value && *value->value < *filter.min_value) ||
          (filter.max_value && *value->value > *filter.max_value)) {
        return;
      }
      match.measure_value = value->value;
    }
    if (survey) {
      const StoredValue* stars = snapshot.measures().value_of(index, *survey);
      if (stars) match.survey_stars = stars->value;
    }
    result.push_back(match);
  };
  if (filter.state) {
    for (std::uint32_t index : snapshot.hospitals_in_state(*filter.state)) consider(index);
  } else {
    for (std::uint32_t index = 0; index < snapshot.hospitals().size(); ++index) consider(index);
  }
  if (sort.field != "id" || sort.descending) {
    std::stable_sort(result.begin(), result.end(), [&](const HospitalMatch& x, const HospitalMatch& y) {
      return compare_by(x, y, snapshot, sort) < 0;
    });
  }
  return result;
}

}  // namespace hci::server
