#include "server/measure_view.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/statistics.hpp"

namespace hci::server {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::uint32_t kUnknown = UINT32_MAX;  // a hospital or measure the version lacks

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

MeasureView::Builder::Builder(std::span<const Hospital> hospitals, std::size_t expected_values)
    : view_(new MeasureView()) {
  view_->values_.reserve(expected_values);
  hospital_at_.reserve(expected_values);
  state_of_.reserve(hospitals.size());
  for (std::uint32_t i = 0; i < hospitals.size(); ++i) {
    hospital_of_.emplace(hospitals[i].id, i);
    state_of_.push_back(hospitals[i].state);
  }
  view_->texts_.emplace_back();
}

void MeasureView::Builder::add(const HospitalMeasure& measure) { view_->catalogue_.push_back(measure); }

void MeasureView::Builder::add(const CmsFootnote& footnote) { view_->footnotes_.emplace(footnote.code, footnote.text); }

std::uint32_t MeasureView::Builder::intern(std::string_view text) {
  if (text.empty()) return 0;
  auto it = text_numbers_.find(text);
  if (it != text_numbers_.end()) return it->second;
  const auto number = static_cast<std::uint32_t>(view_->texts_.size());
  view_->texts_.emplace_back(text);
  text_numbers_.emplace(std::string(text), number);
  return number;
}

std::uint32_t MeasureView::Builder::measure_number(std::string_view id) {
  if (id == last_measure_ && !hospital_at_.empty()) return last_measure_number_;
  auto it = measure_numbers_.find(id);
  if (it == measure_numbers_.end()) {
    it = measure_numbers_.emplace(std::string(id), static_cast<std::uint32_t>(measure_numbers_.size())).first;
  }
  last_measure_ = id;
  last_measure_number_ = it->second;
  return it->second;
}

void MeasureView::Builder::add(const MeasureValue& value) {
  if (value.facility_id != last_facility_ || hospital_at_.empty()) {  // values arrive grouped by hospital
    auto it = hospital_of_.find(std::string_view(value.facility_id));
    last_facility_ = value.facility_id;
    last_hospital_ = it == hospital_of_.end() ? kUnknown : it->second;
  }
  if (last_hospital_ == kUnknown) return;
  view_->values_.push_back(StoredValue{measure_number(value.measure_id), intern(value.missing_reason),
                                       intern(value.footnote), intern(value.comparison), value.value,
                                       value.denominator});
  hospital_at_.push_back(last_hospital_);
}

std::unique_ptr<const MeasureView> MeasureView::Builder::finish() {
  MeasureView& view = *view_;
  std::sort(view.catalogue_.begin(), view.catalogue_.end(),
            [](const HospitalMeasure& a, const HospitalMeasure& b) { return a.id < b.id; });
  std::vector<std::uint32_t> position_of(measure_numbers_.size(), kUnknown);  // number -> catalogue position
  for (const auto& [id, number] : measure_numbers_) {
    if (auto position = view.find(id)) position_of[number] = static_cast<std::uint32_t>(*position);
  }
  for (StoredValue& value : view.values_) value.measure = position_of[value.measure];
  order_values();
  index_values();
  return std::move(view_);
}

void MeasureView::Builder::order_values() {
  std::vector<StoredValue>& values = view_->values_;
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    return hospital_at_[a] != hospital_at_[b] ? hospital_at_[a] < hospital_at_[b]
                                              : values[a].measure < values[b].measure;
  };
  bool ordered = true;  // the store's key order already is; other orders are sorted
  for (std::uint32_t i = 1; i < values.size() && ordered; ++i) ordered = !before(i, i - 1);
  if (ordered) return;
  std::vector<std::uint32_t> order(values.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), before);
  std::vector<StoredValue> sorted;
  std::vector<std::uint32_t> hospitals;
  sorted.reserve(values.size());
  hospitals.reserve(values.size());
  for (std::uint32_t i : order) {
    sorted.push_back(values[i]);
    hospitals.push_back(hospital_at_[i]);
  }
  values = std::move(sorted);
  hospital_at_ = std::move(hospitals);
}

void MeasureView::Builder::index_values() {
  MeasureView& view = *view_;
  std::vector<StoredValue>& values = view.values_;
  view.distributions_.resize(view.catalogue_.size());
  view.with_value_.resize(view.catalogue_.size());
  view.hospital_begin_.assign(state_of_.size() + 1, 0);
  // Values per measure and state are gathered by state number, then keyed by USPS code once.
  std::vector<std::string> states = state_of_;
  std::sort(states.begin(), states.end());
  states.erase(std::unique(states.begin(), states.end()), states.end());
  std::vector<std::uint32_t> state_number(state_of_.size());
  for (std::size_t h = 0; h < state_of_.size(); ++h) {
    state_number[h] =
        static_cast<std::uint32_t>(std::lower_bound(states.begin(), states.end(), state_of_[h]) - states.begin());
  }
  std::vector<std::vector<std::vector<double>>> by_state(view.catalogue_.size(),
                                                         std::vector<std::vector<double>>(states.size()));
  std::size_t kept = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].measure == kUnknown) continue;
    const std::uint32_t hospital = hospital_at_[i];
    const StoredValue& value = values[kept] = values[i];
    ++view.hospital_begin_[hospital + 1];
    MeasureDistribution& distribution = view.distributions_[value.measure];
    if (!value.value) {
      ++distribution.missing[view.texts_[value.missing_reason]];
    } else {
      distribution.sorted.push_back(*value.value);
      by_state[value.measure][state_number[hospital]].push_back(*value.value);
      view.with_value_[value.measure].emplace_back(hospital, static_cast<std::uint32_t>(kept));
    }
    ++kept;
  }
  values.resize(kept);
  values.shrink_to_fit();
  for (std::size_t h = 0; h + 1 < view.hospital_begin_.size(); ++h) {
    view.hospital_begin_[h + 1] += view.hospital_begin_[h];
  }
  for (std::size_t m = 0; m < view.distributions_.size(); ++m) {
    MeasureDistribution& distribution = view.distributions_[m];
    std::sort(distribution.sorted.begin(), distribution.sorted.end());
    for (std::size_t state = 0; state < states.size(); ++state) {
      std::vector<double>& state_values = by_state[m][state];
      if (state_values.empty()) continue;
      std::sort(state_values.begin(), state_values.end());
      distribution.by_state.emplace(states[state], std::move(state_values));
    }
  }
}

std::optional<std::size_t> MeasureView::find(std::string_view id) const {
  auto it = std::lower_bound(catalogue_.begin(), catalogue_.end(), id,
                             [](const HospitalMeasure& m, std::string_view wanted) { return m.id < wanted; });
  if (it == catalogue_.end() || it->id != id) return std::nullopt;
  return static_cast<std::size_t>(it - catalogue_.begin());
}

std::span<const StoredValue> MeasureView::values_of(std::size_t hospital) const {
  if (hospital + 1 >= hospital_begin_.size()) return {};
  return std::span(values_).subspan(hospital_begin_[hospital],
                                    hospital_begin_[hospital + 1] - hospital_begin_[hospital]);
}

const StoredValue* MeasureView::value_of(std::size_t hospital, std::size_t index) const {
  const auto values = values_of(hospital);
  auto it = std::lower_bound(values.begin(), values.end(), index,
                             [](const StoredValue& v, std::size_t wanted) { return v.measure < wanted; });
  return it == values.end() || it->measure != index ? nullptr : &*it;
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

Json MeasureView::value_json(const StoredValue& value, const std::string& state) const {
  const HospitalMeasure& m = catalogue_[value.measure];
  const MeasureDistribution& distribution = distributions_[value.measure];
  const std::string& footnote = texts_[value.footnote];
  const auto state_values = distribution.by_state.find(state);
  const std::span<const double> in_state =
      state_values == distribution.by_state.end() ? std::span<const double>() : state_values->second;
  Json footnote_texts = Json::array();
  for (std::size_t begin = 0; begin < footnote.size();) {
    const std::size_t comma = std::min(footnote.find(',', begin), footnote.size());
    std::string code = footnote.substr(begin, comma - begin);
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
          {"missing_reason", or_null(texts_[value.missing_reason])},
          {"footnote", or_null(footnote)},
          {"footnote_text", footnote_texts.empty() ? Json(nullptr) : Json(std::move(footnote_texts))},
          {"denominator", value.denominator ? Json(*value.denominator) : Json(nullptr)},
          {"period", period_json(m)},
          {"national", m.national ? rounded(m.national) : rounded(analytics::median(distribution.sorted))},
          {"national_basis", m.national ? "published by CMS" : "median of hospitals"},
          {"state", rounded(analytics::median(in_state))},
          {"state_basis", "median of the state's hospitals"},
          {"comparison", or_null(texts_[value.comparison])},
          {"percentile", value.value ? rounded(percentile_of(distribution.sorted, *value.value)) : Json(nullptr)}};
}

}  // namespace hci::server
