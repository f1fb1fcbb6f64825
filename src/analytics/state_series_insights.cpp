#include "analytics/state_series_insights.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analytics/insight_text.hpp"
#include "analytics/statistics.hpp"
#include "core/causes_of_death.hpp"
#include "core/us_states.hpp"

namespace hci::analytics {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kCauseExtremes = 3;  // causes reported, those whose states differ most
constexpr double kOutlierZ = 2;
constexpr int kBeforePandemic = 2019, kContinuousEnrollmentPeak = 2023, kAfterUnwinding = 2024;

// Infant mortality against one state metric, when the correlation is significant after BH adjustment.
void add_infant_mortality_correlate(std::vector<Insight>& out, const CorrelationMatrix& states,
                                    std::string_view partner_name) {
  const CorrelationCell* cell = states.find("infant_mortality_rate", partner_name);
  if (!cell || cell->p_adjusted >= kSignificance) return;
  const bool infant_is_row = states.variables[cell->row]->name == "infant_mortality_rate";
  const Metric& infant = *states.variables[infant_is_row ? cell->row : cell->column];
  const Metric& partner = *states.variables[infant_is_row ? cell->column : cell->row];
  out.push_back(
      Insight{fmt::format("infant-mortality-vs-{}", partner.name), "demographic",
              fmt::format("States where {} is higher have a {} {} (r = {:.2f}, 95% CI {:.2f} to {:.2f}, n = {}, "
                          "BH-adjusted p {}).",
                          mid_sentence(partner.label), cell->correlation.r > 0 ? "higher" : "lower",
                          mid_sentence(infant.label), cell->correlation.r, cell->correlation.ci_low,
                          cell->correlation.ci_high, cell->correlation.n, p_text(cell->p_adjusted)),
              correlation_evidence(states, *cell)});
}

std::string state_name(const std::string& code) {
  const auto jurisdiction = find_jurisdiction(code);
  return jurisdiction ? std::string(jurisdiction->name) : code;
}

// Per state, an indicator's values by year (not the US row).
std::map<std::string, std::map<int, double>> by_state_and_year(const std::vector<StateIndicator>& panel,
                                                               std::string_view indicator) {
  std::map<std::string, std::map<int, double>> values;
  for (const auto& v : panel) {
    if (v.indicator == indicator && v.state != "US" && v.value) values[v.state][v.year] = *v.value;
  }
  return values;
}

// Enrollment per 100 residents before the pandemic, at the peak of continuous enrollment and after the unwinding,
// with paired t-tests of the rise and of the fall across the states reporting all three years.
void add_enrollment_cycle(std::vector<Insight>& out, const std::vector<StateIndicator>& panel) {
  std::vector<double> before, peak, after, rise, fall;
  for (const auto& [state, years] : by_state_and_year(panel, "medicaid_chip_enrollment_per_100")) {
    if (!years.contains(kBeforePandemic) || !years.contains(kContinuousEnrollmentPeak) ||
        !years.contains(kAfterUnwinding))
      continue;
    before.push_back(years.at(kBeforePandemic));
    peak.push_back(years.at(kContinuousEnrollmentPeak));
    after.push_back(years.at(kAfterUnwinding));
    rise.push_back(peak.back() - before.back());
    fall.push_back(after.back() - peak.back());
  }
  const auto rise_test = one_sample_t_test(rise), fall_test = one_sample_t_test(fall);
  if (!rise_test || !fall_test || rise_test->p_value >= kSignificance || fall_test->p_value >= kSignificance) return;
  out.push_back(Insight{
      "medicaid-enrollment-continuous-enrollment-and-unwinding",
      "access",
      fmt::format("Medicaid and CHIP enrollment rose from {} to {} per 100 residents in the average state between {} "
                  "and {}, while the pandemic's continuous-enrollment rule kept people covered (paired t = {:.1f}, p "
                  "{}), then fell to {} in {} as states resumed eligibility checks (paired t = {:.1f}, p {}; n = {} "
                  "states and DC).",
                  readable(*mean(before)), readable(*mean(peak)), kBeforePandemic, kContinuousEnrollmentPeak,
                  rise_test->t, p_text(rise_test->p_value), readable(*mean(after)), kAfterUnwinding, fall_test->t,
                  p_text(fall_test->p_value), rise.size() - 1),
      {{"test", "paired t-tests of the per-state rise and fall"},
       {"indicator", "medicaid_chip_enrollment_per_100"},
       {"years", {kBeforePandemic, kContinuousEnrollmentPeak, kAfterUnwinding}},
       {"means", {*mean(before), *mean(peak), *mean(after)}},
       {"rise",
        {{"mean", *mean(rise)}, {"statistic", rise_test->t}, {"df", rise_test->df}, {"p_value", rise_test->p_value}}},
       {"fall",
        {{"mean", *mean(fall)}, {"statistic", fall_test->t}, {"df", fall_test->df}, {"p_value", fall_test->p_value}}},
       {"p_value", std::max(rise_test->p_value, fall_test->p_value)},
       {"n", rise.size()}}});
}

// One cause's rates across the states (not the US row) in its latest year.
struct CauseSpread {
  const CauseOfDeath* cause = nullptr;
  int year = 0;
  std::vector<std::pair<double, std::string>> rates;  // (rate, state), ascending
};

std::vector<CauseSpread> cause_spreads(const std::vector<StateIndicator>& panel) {
  std::vector<CauseSpread> spreads;
  for (const auto& cause : kCausesOfDeath) {
    const std::string name = std::string("age_adjusted_death_rate_") + cause.indicator_suffix;
    if (name == "age_adjusted_death_rate_all_causes") continue;
    std::map<int, std::vector<std::pair<double, std::string>>> by_year;
    for (const auto& v : panel) {
      if (v.indicator == name && v.state != "US" && v.value) by_year[v.year].emplace_back(*v.value, v.state);
    }
    if (by_year.empty() || by_year.rbegin()->second.size() < 3) continue;
    CauseSpread spread{&cause, by_year.rbegin()->first, std::move(by_year.rbegin()->second)};
    std::sort(spread.rates.begin(), spread.rates.end());
    if (spread.rates.front().first > 0) spreads.push_back(std::move(spread));
  }
  std::stable_sort(spreads.begin(), spreads.end(), [](const CauseSpread& a, const CauseSpread& b) {
    return a.rates.back().first / a.rates.front().first > b.rates.back().first / b.rates.front().first;
  });
  return spreads;
}

// The causes whose highest state lies beyond two standard deviations, widest spread first.
void add_cause_extremes(std::vector<Insight>& out, const std::vector<StateIndicator>& panel) {
  std::size_t added = 0;
  for (const auto& spread : cause_spreads(panel)) {
    if (added == kCauseExtremes) break;
    std::vector<double> values;
    for (const auto& [rate, state] : spread.rates) values.push_back(rate);
    const double m = *mean(values), sd = *sample_stddev(values);
    const auto& [high, high_code] = spread.rates.back();
    const auto& [low, low_code] = spread.rates.front();
    const std::string high_state = state_name(high_code), low_state = state_name(low_code);
    const double z = (high - m) / sd;
    if (sd == 0 || z <= kOutlierZ) continue;
    ++added;
    out.push_back(Insight{
        fmt::format("cause-of-death-extremes-{}", spread.cause->indicator_suffix),
        "demographic",
        fmt::format("In {}, the age-adjusted death rate from {} was {:.1f} times as high in {} ({} per 100,000) as "
                    "in {} ({}); {} lies {:.1f} standard deviations above the mean of {} states and DC ({}, normal "
                    "p {}).",
                    spread.year, spread.cause->label, high / low, high_state, readable(high), low_state, readable(low),
                    high_state, z, values.size() - 1, readable(m), p_text(two_sided_normal_p(z))),
        {{"test", "z of the highest state against the cross-state distribution"},
         {"indicator", std::string("age_adjusted_death_rate_") + spread.cause->indicator_suffix},
         {"year", spread.year},
         {"highest", {{"state", high_code}, {"value", high}, {"z", z}, {"p_value", two_sided_normal_p(z)}}},
         {"lowest", {{"state", low_code}, {"value", low}}},
         {"ratio", high / low},
         {"mean", m},
         {"sd", sd},
         {"n", values.size()}}});
  }
}

// The all-states difference-in-differences estimate of each outcome of the expansion analysis, when significant.
void add_expansion_effects(std::vector<Insight>& out, const Json& analysis) {
  for (const auto& outcome : analysis.at("outcomes")) {
    const Json& all_states = outcome.at("estimates").at(0);
    const Json& estimate = all_states.at("estimate");
    if (estimate.is_null() || estimate.at("p_value").get<double>() >= kSignificance) continue;
    const double effect = estimate.at("effect").get<double>();
    out.push_back(Insight{
        fmt::format("medicaid-expansion-{}", outcome.at("indicator").get<std::string>()),
        "access",
        fmt::format("Medicaid expansion is associated with a {} of {} {} in {} (difference-in-differences with "
                    "state and year fixed effects, {} states and DC, {} of them expanded; 95% CI {} to {}, p {}, "
                    "standard errors clustered by state).",
                    effect < 0 ? "fall" : "rise", readable(std::fabs(effect)), outcome.at("unit").get<std::string>(),
                    mid_sentence(outcome.at("label").get<std::string>()),
                    all_states.at("states").get<std::size_t>() - 1, all_states.at("treated_states").get<std::size_t>(),
                    readable(estimate.at("ci_95")[0].get<double>()), readable(estimate.at("ci_95")[1].get<double>()),
                    p_text(estimate.at("p_value").get<double>())),
        {{"test", "two-way fixed effects regression, CR1 standard errors clustered by state, t with G - 1 df"},
         {"indicator", outcome.at("indicator")},
         {"sample", all_states.at("sample")},
         {"effect", effect},
         {"standard_error", estimate.at("standard_error")},
         {"ci_95", estimate.at("ci_95")},
         {"statistic", estimate.at("t")},
         {"df", estimate.at("df")},
         {"p_value", estimate.at("p_value")},
         {"n", all_states.at("observations")}}});
  }
}

}  // namespace

void add_state_series_insights(std::vector<Insight>& out, const InsightInputs& in) {
  for (const char* partner : {"uninsured_share", "median_household_income_real", "coverage_medicaid_share"}) {
    add_infant_mortality_correlate(out, in.state_correlations, partner);
  }
  add_enrollment_cycle(out, in.tables.of<StateIndicator>());
  add_cause_extremes(out, in.tables.of<StateIndicator>());
  if (in.medicaid_expansion) add_expansion_effects(out, *in.medicaid_expansion);
}

}  // namespace hci::analytics
