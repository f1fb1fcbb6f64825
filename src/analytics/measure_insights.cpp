#include "analytics/measure_insights.hpp"

#include <functional>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "analytics/insight_text.hpp"
#include "analytics/measure_metrics.hpp"
#include "analytics/statistics.hpp"

namespace hci::analytics {

namespace {

using Json = nlohmann::ordered_json;

// A named group of hospitals, for two-group comparisons.
struct HospitalGroup {
  std::string name;
  std::function<bool(const Hospital&)> contains;
};

// One pair of area metrics, as the Pearson matrix of their level tested it.
void add_area_pair(std::vector<Insight>& out, const CorrelationMatrix& matrix, std::string_view x, std::string_view y) {
  const CorrelationCell* cell = matrix.find(x, y);
  if (!cell || cell->p_adjusted >= kSignificance) return;
  const Metric& first = *matrix.variables[cell->row];
  const Metric& second = *matrix.variables[cell->column];
  const Metric& subject = first.name == y ? first : second;
  const Metric& other = first.name == y ? second : first;
  out.push_back(Insight{
      fmt::format("{}-{}-{}", matrix.level, x, y), "quality",
      fmt::format("Across {} {}, {} is {} where {} is higher (r = {:.2f}, 95% CI {:.2f} to {:.2f}, BH-adjusted p {}).",
                  readable(static_cast<double>(cell->correlation.n)), plural_of(matrix.level),
                  mid_sentence(subject.label), cell->correlation.r > 0 ? "higher" : "lower", mid_sentence(other.label),
                  cell->correlation.r, cell->correlation.ci_low, cell->correlation.ci_high, p_text(cell->p_adjusted)),
      correlation_evidence(matrix, *cell)});
}

// Spearman's rho between a measure and the overall star rating, over hospitals with both.
void add_rating_correlation(std::vector<Insight>& out, const DatasetTables& tables, std::string_view measure_id,
                            const std::string& what) {
  const auto values = hospital_values(tables, measure_id);
  std::vector<double> x, stars;
  for (const auto& h : tables.of<Hospital>()) {
    const auto value = values.find(h.id);
    if (!h.rating || value == values.end()) continue;
    x.push_back(value->second);
    stars.push_back(*h.rating);
  }
  const auto rho = correlate(x, stars, CorrelationMethod::spearman);
  if (!rho || rho->p_value >= kSignificance) return;
  out.push_back(Insight{
      fmt::format("hospital-{}-vs-rating", measure_metric_name(measure_id)),
      "quality",
      fmt::format("Among {} rated hospitals, those with higher {} have {} star ratings (Spearman rho = {:.2f}, p {}).",
                  readable(static_cast<double>(rho->n)), what, rho->r > 0 ? "higher" : "lower", rho->r,
                  p_text(rho->p_value)),
      {{"test", "Spearman rank correlation"},
       {"x", measure_id},
       {"y", "overall star rating"},
       {"rho", rho->r},
       {"n", rho->n},
       {"p_value", rho->p_value}}});
}

// The mean of a measure in two groups of hospitals, with Welch's t-test.
void add_measure_gap(std::vector<Insight>& out, const DatasetTables& tables, std::string_view measure_id,
                     const std::string& what, const std::string& id, const HospitalGroup& a, const HospitalGroup& b) {
  const auto values = hospital_values(tables, measure_id);
  std::vector<double> in_a, in_b;
  for (const auto& h : tables.of<Hospital>()) {
    const auto value = values.find(h.id);
    if (value == values.end()) continue;
    if (a.contains(h)) in_a.push_back(value->second);
    if (b.contains(h)) in_b.push_back(value->second);
  }
  const auto test = welch_t_test(in_a, in_b);
  if (!test || test->p_value >= kSignificance) return;
  const double ma = *mean(in_a), mb = *mean(in_b);
  out.push_back(Insight{
      id,
      "quality",
      fmt::format("{} averages {:.4g} in {} hospitals against {:.4g} in {} hospitals (Welch t = "
                  "{:.2f}, p {}; n = {} and {}).",
                  what, ma, a.name, mb, b.name, test->t, p_text(test->p_value), in_a.size(), in_b.size()),
      {{"test", "Welch two-sample t-test"},
       {"measure", measure_id},
       {"groups",
        {{{"name", a.name}, {"n", in_a.size()}, {"mean", ma}}, {{"name", b.name}, {"n", in_b.size()}, {"mean", mb}}}},
       {"difference", ma - mb},
       {"statistic", test->t},
       {"df", test->df},
       {"p_value", test->p_value}}});
}

// The share of hospitals CMS cut payments for under the HAC Reduction Program, in two groups of hospitals.
void add_hac_penalty_gap(std::vector<Insight>& out, const DatasetTables& tables, const HospitalGroup& a,
                         const HospitalGroup& b) {
  std::unordered_map<std::string, bool> penalised;
  for (const auto& value : tables.of<MeasureValue>()) {
    if (value.measure_id != "HAC-TOTAL-SCORE" || value.comparison.empty()) continue;
    penalised[value.facility_id] = value.comparison == "Payment reduction: Yes";
  }
  double cut_a = 0, n_a = 0, cut_b = 0, n_b = 0;
  for (const auto& h : tables.of<Hospital>()) {
    const auto verdict = penalised.find(h.id);
    if (verdict == penalised.end()) continue;
    const double cut = verdict->second ? 1 : 0;
    if (a.contains(h)) {
      cut_a += cut;
      ++n_a;
    }
    if (b.contains(h)) {
      cut_b += cut;
      ++n_b;
    }
  }
  const auto test = two_proportion_z_test(cut_a, n_a, cut_b, n_b);
  if (!test || test->p_value >= kSignificance) return;
  out.push_back(Insight{
      "hospital-hac-payment-reduction-by-ownership",
      "quality",
      fmt::format("CMS cut FY2024 payments under the HAC Reduction Program for {:.1f}% of {} hospitals against "
                  "{:.1f}% of {} hospitals (two-proportion z = {:.2f}, p {}; n = {} and {}).",
                  100 * cut_a / n_a, a.name, 100 * cut_b / n_b, b.name, test->t, p_text(test->p_value), n_a, n_b),
      {{"test", "two-proportion z-test"},
       {"measure", "HAC-TOTAL-SCORE"},
       {"groups",
        {{{"name", a.name}, {"n", n_a}, {"penalised", cut_a}, {"share", cut_a / n_a}},
         {{"name", b.name}, {"n", n_b}, {"penalised", cut_b}, {"share", cut_b / n_b}}}},
       {"statistic", test->t},
       {"p_value", test->p_value}}});
}

// Hospitals by the NCHS urban-rural code of their county: metro (1-2) or rural (5-6).
std::pair<HospitalGroup, HospitalGroup> metro_and_rural(const DatasetTables& tables) {
  auto code = std::make_shared<std::unordered_map<std::string, int>>();
  for (const auto& county : tables.of<County>()) {
    if (county.urban_rural_2023) (*code)[county.fips] = *county.urban_rural_2023;
  }
  auto code_between = [code](int low, int high) {
    return [code, low, high](const Hospital& h) {
      const auto it = h.county_fips ? code->find(*h.county_fips) : code->end();
      return it != code->end() && it->second >= low && it->second <= high;
    };
  };
  return {{"large metro (NCHS 1-2)", code_between(1, 2)}, {"rural (NCHS 5-6)", code_between(5, 6)}};
}

}  // namespace

void add_measure_insights(std::vector<Insight>& out, const InsightInputs& in) {
  add_area_pair(out, in.county_correlations, "children_in_poverty", "readm_30_hf_hrrp");
  add_area_pair(out, in.state_correlations, "medicare_spending_per_enrollee", "mspb_1");
  add_rating_correlation(out, in.tables, "MEDICARE-IP-PAYMENT-PER-DISCHARGE", "Medicare payment per discharge");
  add_rating_correlation(out, in.tables, "MSPB-1", "Medicare spending per beneficiary (MSPB)");
  const HospitalGroup top{"4-5 star", [](const Hospital& h) { return h.rating && *h.rating >= 4; }};
  const HospitalGroup bottom{"1-2 star", [](const Hospital& h) { return h.rating && *h.rating <= 2; }};
  add_measure_gap(out, in.tables, "READM-30-HF-HRRP", "The heart failure excess readmission ratio",
                  "hospital-hf-readmission-top-vs-bottom-rated", top, bottom);
  const auto [metro, rural] = metro_and_rural(in.tables);
  add_measure_gap(out, in.tables, "MORT-30-HF", "30-day heart failure survival (VBP FY2024)",
                  "hospital-hf-survival-metro-vs-rural", metro, rural);
  add_hac_penalty_gap(
      out, in.tables, {"for-profit", [](const Hospital& h) { return h.ownership.starts_with("Proprietary"); }},
      {"non-profit", [](const Hospital& h) { return h.ownership.starts_with("Voluntary non-profit"); }});
}

}  // namespace hci::analytics
