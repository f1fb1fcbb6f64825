#pragma once
// The hospital filters and sort orders shared by /hospitals and /export/hospitals.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geography.hpp"
#include "server/query_params.hpp"
#include "server/snapshot.hpp"

namespace hci::server {

/// Every filter a hospital list accepts; an empty optional means "any".
struct HospitalFilter {
  std::optional<std::string> state;  // USPS code, upper case
  std::optional<std::string> city;
  std::optional<std::string> county;
  std::optional<std::string> type;
  std::optional<std::string> ownership;
  std::optional<std::string> q;  // case-insensitive substring of name or city
  std::optional<bool> emergency;
  std::optional<bool> birthing_friendly;
  std::optional<bool> rated;
  std::optional<std::int64_t> min_rating;
  std::optional<std::int64_t> max_rating;
  std::optional<GeoPoint> near;
  std::optional<double> radius_km;
  std::optional<std::size_t> measure;  // keeps hospitals with a value of this measure (its catalogue position)
  std::optional<double> min_value;     // of that measure
  std::optional<double> max_value;
};

/// The order of a list: a field and a direction. Nulls sort last either way; ties break by id, except
/// for rating: equal star ratings order by the patient survey's summary star (H_STAR_RATING, same direction,
/// unrated last), then by name.
struct HospitalSort {
  std::string field = "id";
  bool descending = false;
};

/// One hospital of a result, with its distance when the query gave a point.
struct HospitalMatch {
  std::uint32_t index = 0;
  std::optional<double> distance_km;
  std::optional<double> measure_value;  // the hospital's value of the filter's measure, when it names one
  std::optional<double> survey_stars;   // its patient survey summary star, when the list sorts by rating
};

/// The filter parameters shared by the list and the export, in documentation order.
std::span<const QueryParameter> hospital_filter_parameters();

/// The sort parameter: a field of hospital_sort_fields(), '-' for descending.
const QueryParameter& hospital_sort_parameter();

/// Reads the filter parameters, checking values against the snapshot (known states, types, ownerships).
HospitalFilter read_hospital_filter(QueryReader& query, const Snapshot& snapshot);

/// Reads `sort` ("field" or "-field"); distance is allowed only with `near`, and is then the default;
/// measure only with `measure`.
HospitalSort read_hospital_sort(QueryReader& query, const HospitalFilter& filter);

/// Parses a "lat,lon" parameter into a point within valid coordinates; records an error otherwise.
std::optional<GeoPoint> read_point(QueryReader& query, const QueryParameter& parameter);

/// The hospitals matching `filter`, in `sort` order.
std::vector<HospitalMatch> find_hospitals(const Snapshot& snapshot, const HospitalFilter& filter,
                                          const HospitalSort& sort);

/// The sortable fields, for validation and the OpenAPI document.
std::span<const std::string_view> hospital_sort_fields();

}  // namespace hci::server
