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

constexpr std::array<std::string_view, 13> kSortFields{"id",       "name",      "city",      "state",  "zip",
                                                       "county",   "type",      "ownership", "rating", "beds",
                                                       "latitude", "longitude", "distance"};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && to_upper_ascii(a) == to_upper_ascii(b);
}

// Reads a text filter that must equal (ignoring case) one of the values present in the data.
std::optional<std::string> read_known_value(QueryReader& query, std::string_view name, const Snapshot& snapshot,
                                            std::string Hospital::*field) {
  auto value = query.text(name);
  if (!value) return std::nullopt;
  std::set<std::string> known;
  for (const auto& hospital : snapshot.hospitals()) known.insert(hospital.*field);
  for (const auto& candidate : known) {
    if (equals_ignoring_case(candidate, *value)) return candidate;
  }
  std::string list;
  for (const auto& candidate : known) list += (list.empty() ? "" : "; ") + candidate;
  query.fail(name, *value, "must be one of: " + list);
  return std::nullopt;
}

std::optional<std::string> read_state(QueryReader& query) {
  auto value = query.text("state", 2);
  if (!value) return std::nullopt;
  const std::string code = to_upper_ascii(*value);
  auto jurisdiction = find_jurisdiction(code);
  if (!jurisdiction || jurisdiction->kind == JurisdictionKind::postal_only) {
    query.fail("state", *value, "must be a USPS state, DC or territory code such as TX");
    return std::nullopt;
  }
  return code;
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
  if (f == "rating") return compare_keys(a.rating, b.rating, d);
  if (f == "beds") return compare_keys(a.beds, b.beds, d);
  if (f == "latitude") return compare_keys(a.latitude, b.latitude, d);
  if (f == "longitude") return compare_keys(a.longitude, b.longitude, d);
  if (f == "distance") return compare_keys(x.distance_km, y.distance_km, d);
  return compare_keys(Text(a.id), Text(b.id), d);
}

}  // namespace

std::span<const std::string_view> hospital_sort_fields() { return kSortFields; }

std::optional<GeoPoint> read_point(QueryReader& query, std::string_view name) {
  auto value = query.raw(name);
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

HospitalFilter read_hospital_filter(QueryReader& query, const Snapshot& snapshot) {
  HospitalFilter f;
  f.state = read_state(query);
  f.city = query.text("city");
  f.county = query.text("county");
  f.type = read_known_value(query, "type", snapshot, &Hospital::type);
  f.ownership = read_known_value(query, "ownership", snapshot, &Hospital::ownership);
  f.q = query.text("q");
  f.emergency = query.boolean("emergency");
  f.birthing_friendly = query.boolean("birthing_friendly");
  f.rated = query.boolean("rated");
  f.min_rating = query.integer("min_rating", 1, 5);
  f.max_rating = query.integer("max_rating", 1, 5);
  if (f.min_rating && f.max_rating && *f.min_rating > *f.max_rating) {
    query.fail("min_rating", std::to_string(*f.min_rating), "must not exceed max_rating");
  }
  f.near = read_point(query, "near");
  f.radius_km = query.number("radius_km", 0.001, 5000);
  if (f.radius_km && !f.near) query.fail("radius_km", std::to_string(*f.radius_km), "needs near=lat,lon");
  return f;
}

HospitalSort read_hospital_sort(QueryReader& query, const HospitalFilter& filter) {
  HospitalSort sort;
  if (filter.near) sort.field = "distance";
  auto value = query.text("sort", 40);
  if (!value) return sort;
  sort.descending = value->front() == '-';
  sort.field = sort.descending ? value->substr(1) : *value;
  if (std::find(kSortFields.begin(), kSortFields.end(), sort.field) == kSortFields.end()) {
    std::string list;
    for (auto field : kSortFields) list += (list.empty() ? "" : ", ") + std::string(field);
    query.fail("sort", *value, "must be a field (prefix '-' for descending): " + list);
    return HospitalSort{};
  }
  if (sort.field == "distance" && !filter.near) query.fail("sort", *value, "distance needs near=lat,lon");
  return sort;
}

std::vector<HospitalMatch> find_hospitals(const Snapshot& snapshot, const HospitalFilter& filter,
                                          const HospitalSort& sort) {
  std::vector<HospitalMatch> result;
  auto consider = [&](std::uint32_t index) {
    const Hospital& h = snapshot.hospitals()[index];
    if (!matches(h, filter)) return;
    HospitalMatch match{index, std::nullopt};
    if (filter.near) {
      if (!h.latitude || !h.longitude) return;
      match.distance_km =
          great_circle_metres(filter.near->latitude, filter.near->longitude, *h.latitude, *h.longitude) / 1000.0;
      if (filter.radius_km && *match.distance_km > *filter.radius_km) return;
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
