#pragma once
// Areas (states or counties) by named numeric metrics: the table analytics and models read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hci {

/// A missing value in every numeric column (NaN).
inline constexpr double kMissing = __builtin_nan("");

/// True when a value is present (not NaN).
inline bool is_present(double value) { return value == value; }

/// Whether a larger value of a metric is a better outcome, a worse one, or neither (demographics).
enum class Direction { higher_is_better, lower_is_better, neutral };

/// One named column of a MetricTable, with what it means and where it comes from.
struct Metric {
  std::string name;         // snake_case key, e.g. "hospitals_per_100k"
  std::string label;        // short, for people, e.g. "Hospitals per 100k population"
  std::string description;  // the publisher's definition where it has one, else empty
  std::string unit;         // "%", "years", "USD", "per 100k", ...
  std::string source;       // dataset and year, e.g. "CMS Care Compare" or "KFF, 2024"
  Direction direction = Direction::neutral;
  std::vector<double> values;  // one per row of the table, kMissing where the area has no value
};

/// Rows are areas, columns are metrics. Row order is the order of `keys`.
struct MetricTable {
  std::string level;                // "state" or "county"
  std::vector<std::string> keys;    // USPS code or 5-digit county FIPS
  std::vector<std::string> names;   // area names, for people
  std::vector<std::string> states;  // USPS code of each row (the row itself for states)
  std::vector<Metric> metrics;

  /// The metric with this name, or nullptr.
  const Metric* find(std::string_view name) const;
  /// The row of an area key, or nullopt.
  std::optional<std::size_t> row_of(std::string_view key) const;
  /// Appends a metric column (values must have one entry per row).
  void add(Metric metric) { metrics.push_back(std::move(metric)); }
};

/// True for the columns that hold an interval's bounds (*_ci_low, *_ci_high), not a metric of their own.
bool is_interval_bound(std::string_view metric_name);

/// The direction of a lowercase name; throws hci::Error(invalid_input) on any other name.
Direction direction_from_name(std::string_view name);

/// The lowercase name of a direction ("higher_is_better", ...).
std::string_view direction_name(Direction direction);

/// A table as JSON: {level, rows: [{key, name, state}], metrics: [{name, label, unit, source, direction,
/// values}]}, missing values as null; the form stored by `hci analyze` and read back by the server.
nlohmann::json metric_table_to_json(const MetricTable& table);

/// The inverse of metric_table_to_json; throws hci::Error(invalid_input) on a malformed document.
MetricTable metric_table_from_json(const nlohmann::json& document);

}  // namespace hci
