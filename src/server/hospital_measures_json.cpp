#include "server/hospital_measures_json.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>
#include <vector>

#include "analytics/statistics.hpp"

namespace hci::server {

namespace {

using Json = nlohmann::ordered_json;

// The Medicare inpatient fields of the hospital detail and the measure each is read from.
struct InpatientField {
  std::string_view field;
  std::string_view measure_id;
};
constexpr std::array kInpatientFields{
    InpatientField{"discharges", "MEDICARE-IP-DISCHARGES"},
    InpatientField{"total_payment", "MEDICARE-IP-TOTAL-PAYMENT"},
    InpatientField{"medicare_payment", "MEDICARE-IP-MEDICARE-PAYMENT"},
    InpatientField{"medicare_payment_per_discharge", "MEDICARE-IP-PAYMENT-PER-DISCHARGE"},
    InpatientField{"beneficiaries", "MEDICARE-IP-BENEFICIARIES"},
    InpatientField{"average_risk_score", "MEDICARE-IP-RISK-SCORE"},
};

// The percentile of a value turned so that higher is better for patients; nullopt for neutral measures.
std::optional<double> better_percentile(const MeasureView& view, const StoredValue& value) {
  const std::string& direction = view.measures()[value.measure].direction;
  if (!value.value || direction == "neutral") return std::nullopt;
  const double percentile = percentile_of(view.distribution(value.measure).sorted, *value.value);
  return direction == "lower_is_better" ? 100.0 - percentile : percentile;
}

}  // namespace

Json measure_group_summary_json(const MeasureView& view, std::size_t hospital) {
  struct Tally {
    std::int64_t reported = 0, with_value = 0;
    std::vector<double> percentiles;
  };
  std::map<std::string, Tally> groups;
  for (const StoredValue& value : view.values_of(hospital)) {
    Tally& tally = groups[view.measures()[value.measure].group];
    ++tally.reported;
    tally.with_value += value.value ? 1 : 0;
    if (auto percentile = better_percentile(view, value)) tally.percentiles.push_back(*percentile);
  }
  Json summary = Json::object();
  for (auto& [group, tally] : groups) {
    const auto median = analytics::median(tally.percentiles);
    summary[group] = {{"measures", tally.reported},
                      {"with_value", tally.with_value},
                      {"median_better_percentile", median ? Json(std::round(*median * 10) / 10) : Json(nullptr)}};
  }
  return summary;
}

Json medicare_inpatient_json(const MeasureView& view, std::size_t hospital) {
  auto value_of = [&](std::string_view measure_id) -> const StoredValue* {
    const auto index = view.find(measure_id);
    return index ? view.value_of(hospital, *index) : nullptr;
  };
  const StoredValue* discharges = value_of(kInpatientFields[0].measure_id);
  if (discharges == nullptr) return nullptr;
  Json figures = {{"year", std::stoi(view.measures()[discharges->measure].period_start.substr(0, 4))}};
  for (const auto& field : kInpatientFields) {
    const StoredValue* value = value_of(field.measure_id);
    figures[std::string(field.field)] = value && value->value ? Json(*value->value) : Json(nullptr);
  }
  return figures;
}

}  // namespace hci::server
