#include "ml/models/cost_model.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/error.hpp"
#include "ml/linear_model.hpp"
#include "ml/metrics.hpp"

namespace hci::ml {

namespace {

constexpr int kForecastYears = 2;
constexpr int kMedicareFirstYear = 2008;  // the coverage covariates start in 2008

// Covariates: panel indicator, the name in the model, the scale to put it in readable units.
struct Covariate {
  const char* indicator;
  const char* name;
  double scale;
};
constexpr Covariate kCovariates[] = {
    {"median_household_income_real", "income_thousands", 0.001},
    {"uninsured_share", "uninsured_pct", 100},
    {"coverage_medicaid_share", "medicaid_pct", 100},
};

using Series = std::map<int, double>;                                     // year -> value
using StatePanel = std::map<std::string, std::map<std::string, Series>>;  // state -> indicator -> series

StatePanel panel_by_state(const std::vector<StateIndicator>& panel) {
  StatePanel by_state;
  for (const auto& v : panel) {
    if (v.state != "US" && v.value) by_state[v.state][v.indicator][v.year] = *v.value;
  }
  return by_state;
}

// The value in `year`, or the latest earlier one (last observation carried forward); NaN before the first.
double carried_forward(const Series& series, int year) {
  auto it = series.upper_bound(year);
  if (it == series.begin()) return std::nan("");
  return std::prev(it)->second;
}

struct Observation {
  std::string state;
  int year = 0;
  double y = 0;
  Eigen::VectorXd x;  // covariates then state dummies
};

struct Design {
  std::vector<std::string> states;  // fixed effects: every state but the first
  int base_year = 0;
  std::vector<std::string> names() const {
    std::vector<std::string> n{"year"};
    for (const auto& c : kCovariates) n.emplace_back(c.name);
    for (std::size_t i = 1; i < states.size(); ++i) n.push_back("state_" + states[i]);
    return n;
  }
  // The covariates of a state in a year, with covariates carried forward from `covariates_until` at most.
  std::optional<Eigen::VectorXd> row(const StatePanel& panel, const std::string& state, int year,
                                     int covariates_until) const {
    Eigen::VectorXd x = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(names().size()));
    x(0) = year - base_year;
    const auto& series = panel.at(state);
    for (std::size_t c = 0; c < std::size(kCovariates); ++c) {
      auto it = series.find(kCovariates[c].indicator);
      const double value =
          it == series.end() ? std::nan("") : carried_forward(it->second, std::min(year, covariates_until));
      if (std::isnan(value)) return std::nullopt;
      x(static_cast<Eigen::Index>(c + 1)) = value * kCovariates[c].scale;
    }
    auto position = std::find(states.begin(), states.end(), state);
    if (position == states.end()) return std::nullopt;
    if (position != states.begin())
      x(static_cast<Eigen::Index>(std::size(kCovariates)) + (position - states.begin())) = 1;
    return x;
  }
};

std::vector<Observation> observations(const StatePanel& panel, const Design& design, const std::string& target,
                                      int first_year, int last_year, int covariates_until) {
  std::vector<Observation> out;
  for (const auto& [state, series] : panel) {
    auto it = series.find(target);
    if (it == series.end()) continue;
    for (const auto& [year, y] : it->second) {
      if (year < first_year || year > last_year) continue;
      if (auto x = design.row(panel, state, year, covariates_until)) out.push_back({state, year, y, *x});
    }
  }
  return out;
}

std::pair<Eigen::MatrixXd, Eigen::VectorXd> matrices(const std::vector<Observation>& rows, const Design& design) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(design.names().size()));
  Eigen::VectorXd y(static_cast<Eigen::Index>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    x.row(static_cast<Eigen::Index>(i)) = rows[i].x.transpose();
    y(static_cast<Eigen::Index>(i)) = rows[i].y;
  }
  return {x, y};
}

LinearModel fit(const std::vector<Observation>& rows, const Design& design) {
  const auto [x, y] = matrices(rows, design);
  return LinearModel::fit(x, y, design.names());
}

// Holds out the last `holdout` years: fits on the years before, forecasts the held-out ones with the
// covariates known at the cut-off, and compares with carrying the last observed value forward.
nlohmann::ordered_json back_test(const StatePanel& panel, const Design& design, const std::string& target,
                                 int first_year, int last_year, int holdout) {
  const int cutoff = last_year - holdout;
  const auto train = observations(panel, design, target, first_year, cutoff, cutoff);
  const auto test = observations(panel, design, target, cutoff + 1, last_year, cutoff);
  const LinearModel model = fit(train, design);
  std::vector<double> actual, predicted, naive;
  int covered = 0;
  for (const auto& row : test) {
    const auto interval = model.predict_interval(row.x, 0.95);
    actual.push_back(row.y);
    predicted.push_back(interval.value);
    covered += row.y >= interval.low && row.y <= interval.high ? 1 : 0;
    naive.push_back(carried_forward(panel.at(row.state).at(target), cutoff));
  }
  auto result = scores_json(score_regression(actual, predicted));
  result.erase("rounded_accuracy");
  auto baseline = scores_json(score_regression(actual, naive));
  baseline.erase("rounded_accuracy");
  return {{"held_out_years", holdout},
          {"trained_through", cutoff},
          {"model", result},
          {"last_value_baseline", baseline},
          {"interval_coverage_95", test.empty() ? 0.0 : static_cast<double>(covered) / test.size()}};
}

struct TargetFit {
  nlohmann::ordered_json summary;
  nlohmann::ordered_json forecasts;
  nlohmann::ordered_json artifact;
  double backtest_mae = 0;
};

// The design of a target's fit: the states and years that have it, and every complete observation.
struct TargetDesign {
  Design design;
  std::vector<std::string> states;
  int first_year = 0;
  int last_year = 0;
  std::vector<Observation> rows;
};

TargetDesign target_design(const StatePanel& panel, const std::string& target) {
  std::set<int> years;
  TargetDesign t;
  for (const auto& [state, series] : panel) {
    if (auto it = series.find(target); it != series.end()) {
      t.states.push_back(state);
      for (const auto& [year, value] : it->second) years.insert(year);
    }
  }
  if (t.states.empty()) throw Error(ErrorCode::invalid_input, "the panel has no " + target);
  t.first_year = std::max(*years.begin(), target == "medicare_spending_per_enrollee" ? kMedicareFirstYear : 0);
  t.last_year = *years.rbegin();
  t.design = Design{t.states, t.first_year};
  t.rows = observations(panel, t.design, target, t.first_year, t.last_year, t.last_year);
  return t;
}

TargetFit fit_target(const StatePanel& panel, const std::string& target) {
  const TargetDesign t = target_design(panel, target);
  const auto& [design, states, first_year, last_year, rows] = t;
  const LinearModel model = fit(rows, design);

  nlohmann::ordered_json forecasts = nlohmann::ordered_json::array();
  for (const auto& state : states) {
    for (int year = last_year + 1; year <= last_year + kForecastYears; ++year) {
      const auto x = design.row(panel, state, year, last_year);
      if (!x) continue;
      const auto interval = model.predict_interval(*x, 0.95);
      forecasts.push_back({{"state", state},
                           {"year", year},
                           {"value", interval.value},
                           {"low", interval.low},
                           {"high", interval.high}});
    }
  }
  auto coefficients = model.to_json();
  nlohmann::ordered_json shown = nlohmann::ordered_json::array();  // the state effects stay in the artifact
  for (const auto& c : coefficients["coefficients"]) {
    if (!c["name"].get<std::string>().starts_with("state_")) shown.push_back(c);
  }
  const auto one = back_test(panel, design, target, first_year, last_year, 1);
  const auto two = back_test(panel, design, target, first_year, last_year, 2);
  TargetFit fit;
  fit.summary = {{"target", target},       {"years", {first_year, last_year}},
                 {"rows", rows.size()},    {"r2_in_sample", model.r_squared()},
                 {"coefficients", shown},  {"state_fixed_effects", states.size() - 1},
                 {"backtests", {one, two}}};
  fit.forecasts = forecasts;
  fit.artifact = coefficients;
  fit.backtest_mae = one["model"]["mae"].get<double>();
  return fit;
}

}  // namespace

CostTrainingRows cost_training_rows(const std::vector<StateIndicator>& panel, const std::string& target) {
  const TargetDesign t = target_design(panel_by_state(panel), target);
  CostTrainingRows out;
  out.columns = t.design.names();
  for (const auto& row : t.rows) {
    out.states.push_back(row.state);
    out.years.push_back(row.year);
  }
  std::tie(out.x, out.y) = matrices(t.rows, t.design);
  return out;
}

const std::vector<std::string>& cost_targets() {
  static const std::vector<std::string> names{"aca_marketplace_benchmark_premium", "medicare_spending_per_enrollee"};
  return names;
}

TrainedModel train_cost_model(const std::vector<StateIndicator>& panel, std::uint64_t seed) {
  const StatePanel by_state = panel_by_state(panel);
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object(), details = nlohmann::ordered_json::object(),
                         artifact = nlohmann::ordered_json::object();
  TrainedModel trained;
  trained.headline = {{"algorithm", "OLS, state fixed effects"}};
  for (const auto& target : cost_targets()) {
    const TargetFit fit = fit_target(by_state, target);
    metrics[target] = fit.summary;
    details[target] = {{"forecasts", fit.forecasts}};
    artifact[target] = fit.artifact;
    trained.headline.emplace_back(target == cost_targets()[0] ? "premium_backtest_mae" : "medicare_backtest_mae",
                                  fmt::format("{:.0f} USD", fit.backtest_mae));
  }
  std::vector<std::string> inputs{"year"};
  for (const auto& c : kCovariates) inputs.emplace_back(c.name);
  trained.record.name = "cost";
  trained.record.algorithm = "ordinary least squares with state fixed effects";
  trained.record.features_json =
      nlohmann::ordered_json({{"numeric", inputs},
                              {"fixed_effects", "one dummy per state but the first"},
                              {"missing_values",
                               "covariates carry the state's latest earlier value forward (KFF "
                               "has no 2020; forecasts use the latest release)"},
                              {"population",
                               "left out: the panel has it for 2020-2024 only, constant within a state over the "
                               "estimation window, so the state effects absorb it"}})
          .dump();
  trained.record.parameters_json =
      nlohmann::json({{"interval", 0.95}, {"forecast_years", kForecastYears}, {"seed", seed}}).dump();
  trained.record.metrics_json = metrics.dump();
  trained.record.details_json = details.dump();
  trained.record.artifact = artifact.dump();
  stamp_version(trained.record);
  return trained;
}

}  // namespace hci::ml
