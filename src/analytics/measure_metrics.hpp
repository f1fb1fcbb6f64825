#pragma once
// Hospital quality measures carried up to states and counties: each headline measure becomes a metric of the
// area tables, the mean of the area's hospitals weighted by the cases behind each value.

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/dataset_tables.hpp"
#include "core/metric_table.hpp"

namespace hci::analytics {

/// The metric name of a measure in the area tables: lower case, '-' as '_' ("READM-30-HF-HRRP" ->
/// "readm_30_hf_hrrp").
std::string measure_metric_name(std::string_view measure_id);

/// Adds one metric per headline measure (HRRP excess readmission ratios, 30-day survival, HAC scores and
/// infection ratios, MSPB, the survey's summary star, the VBP total score, Medicare payment per discharge) to
/// a state or county table (its `level`): the mean of the values of the area's hospitals, weighted by each
/// value's denominator (discharges, completed surveys) where the measure has one, else unweighted.
void add_measure_metrics(MetricTable& table, const DatasetTables& tables);

/// The hospitals with a value of `measure_id`: CCN -> value.
std::unordered_map<std::string, double> hospital_values(const DatasetTables& tables, std::string_view measure_id);

}  // namespace hci::analytics
