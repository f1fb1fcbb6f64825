#include "analytics/county_profiles.hpp"

#include <set>

#include "analytics/chr_catalog.hpp"
#include "analytics/rankings.hpp"
#include "analytics/statistics.hpp"
#include "core/error.hpp"

namespace hci::analytics {

namespace {

nlohmann::ordered_json number_or_null(double value) {
  return is_present(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

bool is_interval_bound(std::string_view name) { return name.ends_with("_ci_low") || name.ends_with("_ci_high"); }

// Columns that describe the county rather than measure it.
bool is_identity_metric(std::string_view name) {
  return name == "urban_rural_code" || name == "hospital_count" || name == "hospitals_per_100k" ||
         is_interval_bound(name);
}

double value_of(const MetricTable& table, std::string_view metric, std::optional<std::size_t> row) {
  const Metric* column = table.find(metric);
  return column && row ? column->values[*row] : kMissing;
}

// The county's rank on a measure among the counties of its state, best first.
nlohmann::ordered_json rank_in_state(const MetricTable& counties, const Metric& metric, std::size_t row) {
  if (metric.direction == Direction::neutral || !is_present(metric.values[row])) return nullptr;
  std::vector<double> peers;
  std::size_t self = 0;
  for (std::size_t i = 0; i < counties.keys.size(); ++i) {
    if (counties.states[i] != counties.states[row]) continue;
    if (i == row) self = peers.size();
    peers.push_back(metric.values[i]);
  }
  const auto ranks = competition_ranks(peers, metric.direction == Direction::higher_is_better);
  const auto& position = *ranks[self];
  return {{"rank", position.rank}, {"of", position.of}, {"tied", position.tied}};
}

}  // namespace

std::vector<MeasureBenchmark> county_benchmarks(const MetricTable& counties, const DatasetTables& tables) {
  std::map<std::string, double> national;
  for (const auto& value : tables.of<AreaMeasure>()) {
    if (value.level == "national") national[value.measure] = value.value;
  }
  std::vector<MeasureBenchmark> benchmarks;
  for (const auto& metric : counties.metrics) {
    MeasureBenchmark benchmark{metric.name, kMissing, kMissing, 0};
    if (auto it = national.find(metric.name); it != national.end()) {
      // National values are stored raw; the county column is in display units.
      benchmark.national_value = it->second * chr_display_scale(tables.of<MeasureDefinition>(), metric.name);
    }
    if (metric.direction != Direction::neutral && !is_identity_metric(metric.name)) {
      benchmark.percentile = metric.direction == Direction::higher_is_better ? 90 : 10;
      benchmark.benchmark = quantile(metric.values, benchmark.percentile / 100).value_or(kMissing);
    }
    benchmarks.push_back(benchmark);
  }
  return benchmarks;
}

nlohmann::json benchmarks_to_json(std::span<const MeasureBenchmark> benchmarks) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& b : benchmarks) {
    list.push_back({{"measure", b.measure},
                    {"national_value", is_present(b.national_value) ? nlohmann::json(b.national_value) : nullptr},
                    {"benchmark", is_present(b.benchmark) ? nlohmann::json(b.benchmark) : nullptr},
                    {"percentile", b.percentile}});
  }
  return list;
}

std::vector<MeasureBenchmark> benchmarks_from_json(const nlohmann::json& document) {
  try {
    std::vector<MeasureBenchmark> benchmarks;
    for (const auto& item : document) {
      auto number = [&](const char* key) { return item.at(key).is_null() ? kMissing : item.at(key).get<double>(); };
      benchmarks.push_back(MeasureBenchmark{item.at("measure").get<std::string>(), number("national_value"),
                                            number("benchmark"), item.at("percentile").get<double>()});
    }
    return benchmarks;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("malformed county benchmarks: ") + e.what());
  }
}

nlohmann::ordered_json county_summary_json(const MetricTable& counties, std::size_t row) {
  return {{"fips", counties.keys[row]},
          {"name", counties.names[row]},
          {"state", counties.states[row]},
          {"urban_rural_code", number_or_null(value_of(counties, "urban_rural_code", row))},
          {"population", number_or_null(value_of(counties, "population", row))},
          {"hospital_count", number_or_null(value_of(counties, "hospital_count", row))},
          {"hospitals_per_100k", number_or_null(value_of(counties, "hospitals_per_100k", row))},
          {"life_expectancy", number_or_null(value_of(counties, "life_expectancy", row))}};
}

nlohmann::ordered_json county_profile_json(const MetricTable& counties, const MetricTable& states,
                                           std::span<const MeasureBenchmark> benchmarks, std::size_t row,
                                           std::span<const std::string> hospital_ids) {
  const auto state_row = states.row_of(counties.states[row]);
  nlohmann::ordered_json measures = nlohmann::ordered_json::array();
  for (std::size_t m = 0; m < counties.metrics.size(); ++m) {
    const Metric& metric = counties.metrics[m];
    if (is_identity_metric(metric.name)) continue;
    const double low = value_of(counties, metric.name + "_ci_low", row);
    const double high = value_of(counties, metric.name + "_ci_high", row);
    const MeasureBenchmark* benchmark = m < benchmarks.size() ? &benchmarks[m] : nullptr;
    measures.push_back(
        {{"name", metric.name},
         {"label", metric.label},
         {"unit", metric.unit},
         {"direction", direction_name(metric.direction)},
         {"value", number_or_null(metric.values[row])},
         {"ci_95", is_present(low) && is_present(high) ? nlohmann::ordered_json({low, high}) : nullptr},
         {"state_value", number_or_null(value_of(states, "chr_" + metric.name, state_row))},
         {"national_value", number_or_null(benchmark ? benchmark->national_value : kMissing)},
         {"national_benchmark", number_or_null(benchmark ? benchmark->benchmark : kMissing)},
         {"benchmark_percentile",
          benchmark && benchmark->percentile > 0 ? nlohmann::ordered_json(benchmark->percentile) : nullptr},
         {"rank_in_state", rank_in_state(counties, metric, row)}});
  }
  nlohmann::ordered_json profile = county_summary_json(counties, row);
  profile["hospital_ids"] = hospital_ids;
  profile["measures"] = std::move(measures);
  profile["notes"] =
      "state_value is CHR's value for the whole state; national_benchmark is the value of the top-performing "
      "counties (90th percentile when higher is better, 10th when lower is better); rank_in_state is best "
      "first, ties share a rank";
  return profile;
}

}  // namespace hci::analytics
