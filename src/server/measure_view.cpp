#include "server/measure_view.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/statistics.hpp"

namespace hci::server {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::uint32_t kNoHospital = UINT32_MAX;

Json rounded(std::optional<double> value) {
  if (!value) return nullptr;
  return std::round(*value * 10000.0) / 10000.0;
}

Json or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// The period a measure covers: its dates, when the file gives them, and its program's fiscal year.
Json period_json(const HospitalMeasure& m) {
  return {{"start", or_null(m.period_start)},
          {"end", or_null(m.period_end)},
          {"fiscal_year", m.fiscal_year ? Json(*m.fiscal_year) : Json(nullptr)}};
}

// n, mean and the five quantiles of ascending values.
Json summary_json(std::span<const double> sorted) {
  using analytics::quantile;
  return {{"n", sorted.size()},
          {"mean", rounded(analytics::mean(sorted))},
          {"min", rounded(sorted.empty() ? std::nullopt : std::optional(sorted.front()))},
          {"p10", rounded(quantile(sorted, 0.10))},
          {"p25", rounded(quantile(sorted, 0.25))},
          {"median", rounded(quantile(sorted, 0.5))},
          {"p75", rounded(quantile(sorted, 0.75))},
          {"p90", rounded(quantile(sorted, 0.90))},
          {"max", rounded(sorted.empty() ? std::nullopt : std::optional(sorted.back()))}};
}

}  // namespace

double percentile_of(std::span<const double> sorted, double value) {
  if (sorted.empty()) return 0;
  const auto below = std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin();
  const auto equal = std::upper_bound(sorted.begin(), sorted.end(), value) - sorted.begin() - below;
  return 100.0 * (static_cast<double>(below) + 0.5 * static_cast<double>(equal)) / static_cast<double>(sorted.size());
}

MeasureView::MeasureView(std::vector<HospitalMeasure> catalogue, std::vector<MeasureValue> values,
                         const std::vector<CmsFootnote>& footnotes, std::span<const Hospital> hospitals)
    : catalogue_(std::move(catalogue)) {
  std::sort(catalogue_.begin(), catalogue_.end(),
            [](const HospitalMeasure& a, const HospitalMeasure& b) { return a.id < b.id; });
  for (const auto& footnote : footnotes) footnotes_.emplace(footnote.code, footnote.text);
  std::unordered_map<std::string_view, std::uint32_t> hospital_of;
  for (std::uint32_t i = 0; i < hospitals.size(); ++i) hospital_of.emplace(hospitals[i].id, i);

  // Order values by hospital position, then measure id; values of unknown hospitals or measures are dropped
  // (ingest never stores them).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (hospital, value position)
  order.reserve(values.size());
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    auto it = hospital_of.find(values[i].facility_id);
    order.emplace_back(it == hospital_of.end() ? kNoHospital : it->second, i);
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : values[a.second].measure_id < values[b.second].measure_id;
  });
  distributions_.resize(catalogue_.size());
  with_value_.resize(catalogue_.size());
  hospital_begin_.assign(hospitals.size() + 1, 0);
  values_.reserve(values.size());
  for (const auto& [hospital, position] : order) {
    if (hospital == kNoHospital) break;
    const auto measure = find(values[position].measure_id);
    if (!measure) continue;
    MeasureValue& value = values_.emplace_back(std::move(values[position]));
    ++hospital_begin_[hospital + 1];
    MeasureDistribution& distribution = distributions_[*measure];
    if (!value.value) {
      ++distribution.missing[value.missing_reason];
      continue;
    }
    distribution.sorted.push_back(*value.value);
    distribution.by_state[hospitals[hospital].state].push_back(*value.value);
    with_value_[*measure].emplace_back(hospital, static_cast<std::uint32_t>(values_.size() - 1));
  }
  for (std::size_t h = 0; h < hospitals.size(); ++h) hospital_begin_[h + 1] += hospital_begin_[h];
  for (auto& distribution : distributions_) {
    std::sort(distribution.sorted.begin(), distribution.sorted.end());
    for (auto& [state, state_values] : distribution.by_state) std::sort(state_values.begin(), state_values.end());
  }
}

std::optional<std::size_t> MeasureView::find(std::string_view id) const {
  auto it = std::lower_bound(catalogue_.begin(), catalogue_.end(), id,
                             [](const HospitalMeasure& m, std::string_view wanted) { return m.id < wanted; });
  if (it == catalogue_.end() || it->id != id) return std::nullopt;
  return static_cast<std::size_t>(it - catalogue_.begin());
}

std::span<const MeasureValue> MeasureView::values_of(std::size_t hospital) const {
  if (hospital + 1 >= hospital_begin_.size()) return {};
  return std::span(values_).subspan(hospital_begin_[hospital],
                                    hospital_begin_[hospital + 1] - hospital_begin_[hospital]);
}

const std::string* MeasureView::footnote_text(std::string_view code) const {
  auto it = footnotes_.find(std::string(code));
  return it == footnotes_.end() ? nullptr : &it->second;
}

Json MeasureView::measure_json(std::size_t index) const {
  const HospitalMeasure& m = catalogue_[index];
  return {{"id", m.id},
          {"name", m.name},
          {"group", m.group},
          {"direction", m.direction},
          {"unit", m.unit},
          {"period", period_json(m)},
          {"source", m.source},
          {"national", rounded(m.national)},
          {"hospitals_with_value", distributions_[index].sorted.size()}};
}

Json MeasureView::measure_detail_json(std::size_t index) const {
  const MeasureDistribution& distribution = distributions_[index];
  Json detail = measure_json(index);
  detail["distribution"] = summary_json(distribution.sorted);
  detail["missing"] = distribution.missing;
  detail["national_basis"] = catalogue_[index].national ? "published by CMS" : "median of hospitals";
  if (!catalogue_[index].national) detail["national"] = rounded(analytics::median(distribution.sorted));
  Json states = Json::array();
  for (const auto& [state, state_values] : distribution.by_state) {
    states.push_back({{"state", state},
                      {"n", state_values.size()},
                      {"median", rounded(analytics::median(state_values))},
                      {"mean", rounded(analytics::mean(state_values))}});
  }
  detail["states"] = std::move(states);
  return detail;
}

Json MeasureView::value_json(const MeasureValue& value, const std::string& state) const {
  const std::size_t index = *find(value.measure_id);
  const HospitalMeasure& m = catalogue_[index];
  const MeasureDistribution& distribution = distributions_[index];
  const auto state_values = distribution.by_state.find(state);
  const std::span<const double> in_state =
      state_values == distribution.by_state.end() ? std::span<const double>() : state_values->second;
  Json footnote_texts = Json::array();
  for (std::size_t begin = 0; begin < value.footnote.size();) {
    const std::size_t comma = std::min(value.footnote.find(',', begin), value.footnote.size());
    std::string code = value.footnote.substr(begin, comma - begin);
    code.erase(0, code.find_first_not_of(' '));
    if (const std::string* text = footnote_text(code)) footnote_texts.push_back(*text);
    begin = comma + 1;
  }
  return {{"measure_id", m.id},
          {"name", m.name},
          {"group", m.group},
          {"unit", m.unit},
          {"direction", m.direction},
          {"value", value.value ? Json(*value.value) : Json(nullptr)},
          {"missing_reason", or_null(value.missing_reason)},
          {"footnote", or_null(value.footnote)},
          {"footnote_text", footnote_texts.empty() ? Json(nullptr) : Json(std::move(footnote_texts))},
          {"denominator", value.denominator ? Json(*value.denominator) : Json(nullptr)},
          {"period", period_json(m)},
          {"national", m.national ? rounded(m.national) : rounded(analytics::median(distribution.sorted))},
          {"national_basis", m.national ? "published by CMS" : "median of hospitals"},
          {"state", rounded(analytics::median(in_state))},
          {"state_basis", "median of the state's hospitals"},
          {"comparison", or_null(value.comparison)},
          {"percentile", value.value ? rounded(percentile_of(distribution.sorted, *value.value)) : Json(nullptr)}};
}

}  // namespace hci::server
