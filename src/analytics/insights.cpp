#include "analytics/insights.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analytics/access.hpp"
#include "analytics/hospital_stats.hpp"
#include "analytics/insight_text.hpp"
#include "analytics/measure_insights.hpp"
#include "analytics/state_series_insights.hpp"
#include "analytics/statistics.hpp"

namespace hci::analytics {

namespace {

using Json = nlohmann::ordered_json;

const Metric& partner(const CorrelationMatrix& matrix, const CorrelationCell& cell, std::string_view target) {
  return matrix.variables[cell.row]->name == target ? *matrix.variables[cell.column] : *matrix.variables[cell.row];
}

// The strongest significant correlates of `target` in a matrix, `per_sign` positive and `per_sign` negative.
// `excluded` are variables that measure the same thing as the target (another mortality measure for life
// expectancy), whose correlation says nothing new.
void add_strongest_correlates(std::vector<Insight>& out, const CorrelationMatrix& matrix, std::string_view target,
                              std::size_t per_sign, const std::string& category,
                              std::initializer_list<std::string_view> excluded) {
  std::vector<const CorrelationCell*> cells;
  for (const auto& cell : matrix.cells) {
    const auto& a = matrix.variables[cell.row]->name;
    const auto& b = matrix.variables[cell.column]->name;
    const std::string_view other = a == target ? b : a;
    const bool involves = a == target || b == target;
    const bool same_construct = std::find(excluded.begin(), excluded.end(), other) != excluded.end();
    if (involves && !same_construct && cell.p_adjusted < kSignificance) cells.push_back(&cell);
  }
  std::stable_sort(cells.begin(), cells.end(), [](const CorrelationCell* a, const CorrelationCell* b) {
    return std::fabs(a->correlation.r) > std::fabs(b->correlation.r);
  });
  for (int sign : {-1, 1}) {
    std::size_t taken = 0;
    for (const CorrelationCell* cell : cells) {
      if (taken == per_sign || (cell->correlation.r > 0) != (sign > 0)) continue;
      ++taken;
      const Metric& other = partner(matrix, *cell, target);
      const Metric& subject =
          matrix.variables[cell->row]->name == target ? *matrix.variables[cell->row] : *matrix.variables[cell->column];
      out.push_back(
          Insight{fmt::format("{}-{}-{}", matrix.level, target, other.name), category,
                  fmt::format("Across {} {}, {} is {} where {} is higher (r = {:.2f}, 95% CI {:.2f} to {:.2f}, "
                              "BH-adjusted p {}).",
                              readable(static_cast<double>(cell->correlation.n)), plural_of(matrix.level),
                              mid_sentence(subject.label), sign > 0 ? "higher" : "lower", mid_sentence(other.label),
                              cell->correlation.r, cell->correlation.ci_low, cell->correlation.ci_high,
                              p_text(cell->p_adjusted)),
                  correlation_evidence(matrix, *cell)});
    }
  }
}

// States more than two standard deviations from the mean of a metric.
void add_outliers(std::vector<Insight>& out, const MetricTable& states, std::string_view metric_name,
                  const std::string& category) {
  const Metric* metric = states.find(metric_name);
  if (!metric) return;
  const auto m = mean(metric->values);
  const auto sd = sample_stddev(metric->values);
  if (!m || !sd || *sd == 0) return;
  Json outliers = Json::array();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < states.keys.size(); ++i) {
    const double z = (metric->values[i] - *m) / *sd;
    if (!is_present(metric->values[i]) || std::fabs(z) <= 2) continue;
    outliers.push_back(
        {{"state", states.keys[i]}, {"value", metric->values[i]}, {"z", z}, {"p_value", two_sided_normal_p(z)}});
    names.push_back(fmt::format("{} ({}, z = {:+.1f})", states.names[i], readable(metric->values[i]), z));
  }
  if (outliers.empty()) return;
  out.push_back(Insight{
      fmt::format("state-outliers-{}", metric->name),
      category,
      fmt::format("{} more than two standard deviations from the mean on {}: {} (mean {} {}, "
                  "SD {}, {} jurisdictions).",
                  names.size() == 1 ? "One jurisdiction lies" : fmt::format("{} jurisdictions lie", names.size()),
                  metric->label, fmt::join(names, ", "), readable(*m), metric->unit, readable(*sd),
                  present_values(metric->values).size()),
      {{"test", "|z| > 2 against the cross-state distribution"},
       {"metric", metric->name},
       {"mean", *m},
       {"sd", *sd},
       {"n", present_values(metric->values).size()},
       {"outliers", outliers}}});
}

std::vector<double> ratings_where(const std::vector<Hospital>& hospitals,
                                  const std::function<bool(const Hospital&)>& in) {
  std::vector<double> ratings;
  for (const auto& h : hospitals) {
    if (h.rating && in(h)) ratings.push_back(*h.rating);
  }
  return ratings;
}

// Mean star rating of two groups of hospitals, with Welch's t-test.
void add_rating_gap(std::vector<Insight>& out, const std::vector<Hospital>& hospitals, const std::string& id,
                    const std::string& category, const std::pair<std::string, std::function<bool(const Hospital&)>>& a,
                    const std::pair<std::string, std::function<bool(const Hospital&)>>& b) {
  const auto ra = ratings_where(hospitals, a.second), rb = ratings_where(hospitals, b.second);
  const auto test = welch_t_test(ra, rb);
  if (!test || test->p_value >= kSignificance) return;
  const double ma = *mean(ra), mb = *mean(rb);
  out.push_back(
      Insight{id,
              category,
              fmt::format("Rated {} hospitals average {:.2f} stars against {:.2f} for {} hospitals, a gap of {:+.2f} "
                          "(Welch t = {:.2f}, p {}; n = {} and {}).",
                          a.first, ma, mb, b.first, ma - mb, test->t, p_text(test->p_value), ra.size(), rb.size()),
              {{"test", "Welch two-sample t-test on CMS overall star ratings"},
               {"groups",
                {{{"name", a.first}, {"n", ra.size()}, {"mean_rating", ma}},
                 {{"name", b.first}, {"n", rb.size()}, {"mean_rating", mb}}}},
               {"difference", ma - mb},
               {"statistic", test->t},
               {"df", test->df},
               {"p_value", test->p_value}}});
}

// The change of a panel indicator across states between two years, with a paired t-test.
void add_panel_change(std::vector<Insight>& out, const std::vector<StateIndicator>& panel, std::string_view indicator,
                      int from_year, const std::string& label, double scale, const std::string& unit,
                      const std::string& category) {
  std::map<std::string, std::map<int, double>> values;
  int last_year = 0;
  for (const auto& v : panel) {
    if (v.indicator != indicator || v.state == "US" || !v.value) continue;
    values[v.state][v.year] = *v.value * scale;
    last_year = std::max(last_year, v.year);
  }
  std::vector<double> changes, before, after;
  for (const auto& [state, by_year] : values) {
    auto a = by_year.find(from_year), b = by_year.find(last_year);
    if (a == by_year.end() || b == by_year.end()) continue;
    changes.push_back(b->second - a->second);
    before.push_back(a->second);
    after.push_back(b->second);
  }
  const auto test = one_sample_t_test(changes);
  if (!test || test->p_value >= kSignificance) return;
  const double mean_change = *mean(changes);
  const auto increased = std::count_if(changes.begin(), changes.end(), [](double c) { return c > 0; });
  out.push_back(Insight{fmt::format("change-{}-{}-{}", indicator, from_year, last_year),
                        category,
                        fmt::format("{} {} between {} and {} in the average state, from {} to {} {} (mean change {}{}, "
                                    "paired t = {:.2f}, p {}, n = {} states; {} of them rose).",
                                    label, mean_change > 0 ? "rose" : "fell", from_year, last_year,
                                    readable(*mean(before)), readable(*mean(after)), unit, mean_change > 0 ? "+" : "",
                                    readable(mean_change), test->t, p_text(test->p_value), changes.size(), increased),
                        {{"test", "paired t-test of the per-state change"},
                         {"indicator", indicator},
                         {"from_year", from_year},
                         {"to_year", last_year},
                         {"mean_before", *mean(before)},
                         {"mean_after", *mean(after)},
                         {"mean_change", mean_change},
                         {"states_increased", increased},
                         {"statistic", test->t},
                         {"df", test->df},
                         {"p_value", test->p_value},
                         {"n", changes.size()}}});
}

// Life expectancy in metropolitan (NCHS 1-2) against rural (5-6) counties.
void add_rural_gap(std::vector<Insight>& out, const MetricTable& counties) {
  const Metric* life = counties.find("life_expectancy");
  const Metric* code = counties.find("urban_rural_code");
  if (!life || !code) return;
  std::vector<double> metro, rural;
  for (std::size_t i = 0; i < counties.keys.size(); ++i) {
    if (!is_present(code->values[i]) || !is_present(life->values[i])) continue;
    if (code->values[i] <= 2) metro.push_back(life->values[i]);
    if (code->values[i] >= 5) rural.push_back(life->values[i]);
  }
  const auto test = welch_t_test(metro, rural);
  if (!test || test->p_value >= kSignificance) return;
  out.push_back(Insight{
      "county-life-expectancy-metro-vs-rural",
      "access",
      fmt::format("Life expectancy averages {:.1f} years in large metro counties (NCHS codes 1-2) against {:.1f} in "
                  "micropolitan and noncore counties (codes 5-6), a gap of {:.1f} years (Welch t = {:.1f}, "
                  "p {}; n = {} and {}).",
                  *mean(metro), *mean(rural), *mean(metro) - *mean(rural), test->t, p_text(test->p_value), metro.size(),
                  rural.size()),
      {{"test", "Welch two-sample t-test"},
       {"groups",
        {{{"name", "metro (1-2)"}, {"n", metro.size()}, {"mean", *mean(metro)}},
         {{"name", "rural (5-6)"}, {"n", rural.size()}, {"mean", *mean(rural)}}}},
       {"statistic", test->t},
       {"df", test->df},
       {"p_value", test->p_value}}});
}

// States whose share of ZIPs more than 30 km from emergency care exceeds the national share.
void add_access_gaps(std::vector<Insight>& out, std::span<const ZipAccess> access) {
  std::map<std::string, std::vector<const ZipAccess*>> by_state;
  std::vector<const ZipAccess*> all;
  for (const auto& zip : access) {
    if (!is_jurisdiction_zip(zip)) continue;
    all.push_back(&zip);
    by_state[zip.state].push_back(&zip);
  }
  const AccessSummary national = summarize_access(all);
  if (national.zips == 0) return;
  std::vector<std::tuple<std::string, AccessSummary, TestResult>> tested;
  std::vector<double> p_values;
  for (const auto& [state, zips] : by_state) {
    const AccessSummary s = summarize_access(zips);
    const auto test = two_proportion_z_test(s.farther_than_30km, s.zips, national.farther_than_30km, national.zips);
    if (!test || test->t <= 0) continue;
    tested.emplace_back(state, s, *test);
    p_values.push_back(test->p_value);
  }
  const auto adjusted = benjamini_hochberg(p_values);
  Json states = Json::array();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < tested.size(); ++i) {
    const auto& [state, s, test] = tested[i];
    if (adjusted[i] >= kSignificance) continue;
    const double share = static_cast<double>(s.farther_than_30km) / s.zips;
    states.push_back({{"state", state},
                      {"zips", s.zips},
                      {"farther_than_30km", s.farther_than_30km},
                      {"share", share},
                      {"z", test.t},
                      {"p_adjusted", adjusted[i]}});
    names.push_back(fmt::format("{} ({:.0f}%)", state, share * 100));
  }
  if (names.empty()) return;
  const double national_share = static_cast<double>(national.farther_than_30km) / national.zips;
  out.push_back(Insight{
      "access-states-far-from-emergency-care",
      "access",
      fmt::format("{:.1f}% of the {} US ZIP centroids lie more than 30 km from the nearest hospital with emergency "
                  "services; the share is significantly higher (two-proportion z-test, BH-adjusted p < 0.05) in {} "
                  "states: {}.",
                  national_share * 100, readable(national.zips), names.size(), fmt::join(names, ", ")),
      {{"test", "two-proportion z-test against the national share, Benjamini-Hochberg across states"},
       {"national", access_summary_json(national)},
       {"states", states}}});
}

void add_hospital_insights(std::vector<Insight>& out, const std::vector<Hospital>& hospitals) {
  auto ownership_starts = [](std::string prefix) {
    return [prefix](const Hospital& h) { return h.ownership.rfind(prefix, 0) == 0; };
  };
  add_rating_gap(out, hospitals, "rating-nonprofit-vs-proprietary", "hospital",
                 {"non-profit", ownership_starts("Voluntary non-profit")},
                 {"for-profit (proprietary)", ownership_starts("Proprietary")});
  add_rating_gap(out, hospitals, "rating-nonprofit-vs-government", "hospital",
                 {"non-profit", ownership_starts("Voluntary non-profit")},
                 {"government-owned", ownership_starts("Government")});
  add_rating_gap(out, hospitals, "rating-critical-access-vs-acute", "quality",
                 {"critical access", [](const Hospital& h) { return h.type == kCriticalAccessType; }},
                 {"acute care", [](const Hospital& h) { return h.type == "Acute Care Hospitals"; }});
  add_rating_gap(out, hospitals, "rating-without-vs-with-emergency", "quality",
                 {"without emergency services", [](const Hospital& h) { return !h.emergency_services; }},
                 {"with emergency services", [](const Hospital& h) { return h.emergency_services; }});
}

// The seed's question: do richer states pay more for care?
void add_income_to_cost(std::vector<Insight>& out, const CorrelationMatrix& states) {
  for (const char* cost : {"aca_marketplace_benchmark_premium", "medicare_spending_per_enrollee"}) {
    const CorrelationCell* cell = states.find("median_household_income_real", cost);
    if (!cell || cell->p_adjusted >= kSignificance) continue;
    const Metric& cost_metric = partner(states, *cell, "median_household_income_real");
    out.push_back(Insight{
        fmt::format("income-vs-{}", cost), "cost",
        fmt::format("States with higher real median household income have {} {} (r = {:.2f}, 95% CI {:.2f} to "
                    "{:.2f}, n = {}, BH-adjusted p {}).",
                    cell->correlation.r > 0 ? "higher" : "lower", mid_sentence(cost_metric.label), cell->correlation.r,
                    cell->correlation.ci_low, cell->correlation.ci_high, cell->correlation.n, p_text(cell->p_adjusted)),
        correlation_evidence(states, *cell)});
  }
}

}  // namespace

std::vector<Insight> generate_insights(const InsightInputs& in) {
  std::vector<Insight> out;
  add_strongest_correlates(out, in.county_correlations, "life_expectancy", 2, "demographic",
                           {"premature_death_ypll_rate"});
  add_strongest_correlates(out, in.state_correlations, "chr_life_expectancy", 1, "demographic",
                           {"chr_premature_death_ypll_rate", "age_adjusted_death_rate_all_causes"});
  add_strongest_correlates(out, in.state_correlations, "mean_rating", 1, "quality", {"rated_4_or_5_share"});
  add_income_to_cost(out, in.state_correlations);
  add_hospital_insights(out, in.tables.of<Hospital>());
  add_outliers(out, in.states, "aca_marketplace_benchmark_premium", "cost");
  add_outliers(out, in.states, "medicare_spending_per_enrollee", "cost");
  add_outliers(out, in.states, "hospitals_per_100k", "access");
  add_outliers(out, in.states, "readm_30_hf_hrrp", "quality");
  add_panel_change(out, in.tables.of<StateIndicator>(), "aca_marketplace_benchmark_premium", 2018,
                   "The ACA benchmark premium for a 40-year-old", 1, "USD a month", "cost");
  add_panel_change(out, in.tables.of<StateIndicator>(), "medicare_spending_per_enrollee", 2010,
                   "Medicare spending per enrollee", 1, "USD", "cost");
  add_panel_change(out, in.tables.of<StateIndicator>(), "uninsured_share", 2013, "The uninsured share", 100, "%",
                   "demographic");
  add_panel_change(out, in.tables.of<StateIndicator>(), "infant_mortality_rate", 2014, "The infant mortality rate", 1,
                   "deaths per 1,000 live births", "demographic");
  add_rural_gap(out, in.counties);
  add_access_gaps(out, in.access);
  add_measure_insights(out, in);
  add_state_series_insights(out, in);
  return out;
}

Json insights_json(std::span<const Insight> insights) {
  Json list = Json::array();
  for (const auto& insight : insights) {
    list.push_back({{"id", insight.id},
                    {"category", insight.category},
                    {"sentence", insight.sentence},
                    {"evidence", insight.evidence}});
  }
  return list;
}

}  // namespace hci::analytics
