#pragma once
// A county beside its state and the nation, as County Health Rankings shows it.

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset_tables.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// The national context of one county measure: the US value and the top-performer benchmark (the 90th
/// percentile of counties when higher is better, the 10th when lower is better; none for neutral ones).
struct MeasureBenchmark {
  std::string measure;
  double national_value = 0;  // kMissing when CHR publishes no national value
  double benchmark = 0;       // kMissing for neutral measures
  double percentile = 0;      // 90 or 10, 0 when no benchmark
};

/// The benchmark of every metric of the county table, in the table's order.
std::vector<MeasureBenchmark> county_benchmarks(const MetricTable& counties, const DatasetTables& tables);

/// Benchmarks as JSON (stored by `hci analyze`) and back.
nlohmann::json benchmarks_to_json(std::span<const MeasureBenchmark> benchmarks);
std::vector<MeasureBenchmark> benchmarks_from_json(const nlohmann::json& document);

/// One county: its identity, rurality and hospitals, and each measure with its value, 95% interval where
/// CHR has one, the state value, the national value and benchmark, and its rank among the state's counties
/// (best first; ties share a rank). `hospital_ids` are the CMS hospitals located in the county.
nlohmann::ordered_json county_profile_json(const MetricTable& counties, const MetricTable& states,
                                           std::span<const MeasureBenchmark> benchmarks, std::size_t row,
                                           std::span<const std::string> hospital_ids);

/// The short form listed by GET /counties: identity, rurality, population, hospitals, life expectancy.
nlohmann::ordered_json county_summary_json(const MetricTable& counties, std::size_t row);

}  // namespace hci::analytics
