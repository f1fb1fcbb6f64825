#include "analytics/measure_metrics.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace hci::analytics {

namespace {

// The measures the area tables carry: the figures analysts compare areas on, not every component.
constexpr std::array<std::string_view, 19> kAreaMeasures{"READM-30-AMI-HRRP",
                                                         "READM-30-HF-HRRP",
                                                         "READM-30-PN-HRRP",
                                                         "READM-30-COPD-HRRP",
                                                         "READM-30-CABG-HRRP",
                                                         "READM-30-HIP-KNEE-HRRP",
                                                         "MORT-30-AMI",
                                                         "MORT-30-HF",
                                                         "MORT-30-PN",
                                                         "HAC-TOTAL-SCORE",
                                                         "HAC-PSI-90",
                                                         "HAC-CLABSI-SIR",
                                                         "HAC-CAUTI-SIR",
                                                         "HAC-CDI-SIR",
                                                         "HAC-MRSA-SIR",
                                                         "MSPB-1",
                                                         "H_STAR_RATING",
                                                         "VBP-TPS",
                                                         "MEDICARE-IP-PAYMENT-PER-DISCHARGE"};

// Running sums of one area's values of one measure.
struct WeightedSum {
  double sum = 0;
  double weight = 0;
};

// The area key of a hospital at `level`: its state, or its county FIPS (empty when unknown).
std::string area_of(const Hospital& hospital, std::string_view level) {
  return level == "state" ? hospital.state : hospital.county_fips.value_or("");
}

Metric area_metric(const MetricTable& table, const HospitalMeasure& measure, bool weighted) {
  std::string period = measure.fiscal_year ? "FY" + std::to_string(*measure.fiscal_year)
                                           : measure.period_start.substr(0, 4) + "-" + measure.period_end.substr(0, 4);
  return Metric{measure_metric_name(measure.id),
                measure.name + (weighted ? ", case-weighted mean of hospitals" : ", mean of hospitals"),
                "CMS measure " + measure.id +
                    (weighted ? ", each hospital weighted by the cases or surveys behind "
                                "its value"
                              : ""),
                measure.unit,
                "CMS " + measure.source + ", " + period,
                direction_from_name(measure.direction),
                std::vector<double>(table.keys.size(), kMissing)};
}

}  // namespace

std::string measure_metric_name(std::string_view measure_id) {
  std::string name(measure_id);
  for (char& c : name) c = c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

void add_measure_metrics(MetricTable& table, const DatasetTables& tables) {
  std::unordered_map<std::string, std::string> area_of_hospital;
  for (const auto& h : tables.of<Hospital>()) area_of_hospital[h.id] = area_of(h, table.level);
  auto listed = [](std::string_view id) {
    return std::find(kAreaMeasures.begin(), kAreaMeasures.end(), id) != kAreaMeasures.end();
  };
  std::map<std::string, bool> weighted;  // measure -> CMS gives the cases behind its values
  for (const auto& value : tables.of<MeasureValue>()) {
    if (listed(value.measure_id) && value.denominator) weighted[value.measure_id] = true;
  }
  std::map<std::string, std::map<std::string, WeightedSum>> sums;  // measure -> area -> sums
  for (const auto& value : tables.of<MeasureValue>()) {
    if (!listed(value.measure_id) || !value.value) continue;
    const bool by_cases = weighted.count(value.measure_id) > 0;
    if (by_cases && !(value.denominator && *value.denominator > 0)) continue;  // no cases, no weight
    const auto area = area_of_hospital.find(value.facility_id);
    if (area == area_of_hospital.end() || area->second.empty()) continue;
    WeightedSum& sum = sums[value.measure_id][area->second];
    const double w = by_cases ? *value.denominator : 1;
    sum.sum += *value.value * w;
    sum.weight += w;
  }
  std::unordered_map<std::string, std::size_t> row_of;
  for (std::size_t row = 0; row < table.keys.size(); ++row) row_of[table.keys[row]] = row;
  for (const auto& measure : tables.of<HospitalMeasure>()) {
    const auto by_area = sums.find(measure.id);
    if (by_area == sums.end()) continue;
    Metric metric = area_metric(table, measure, weighted.count(measure.id) > 0);
    for (const auto& [area, sum] : by_area->second) {
      if (auto row = row_of.find(area); row != row_of.end()) metric.values[row->second] = sum.sum / sum.weight;
    }
    table.add(std::move(metric));
  }
}

std::unordered_map<std::string, double> hospital_values(const DatasetTables& tables, std::string_view measure_id) {
  std::unordered_map<std::string, double> values;
  for (const auto& value : tables.of<MeasureValue>()) {
    if (value.measure_id == measure_id && value.value) values[value.facility_id] = *value.value;
  }
  return values;
}

}  // namespace hci::analytics
