#include "analytics/difference_in_differences.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"

namespace hci::analytics {

namespace {

// Column positions of units and years in a fixed-effects design: intercept, then every unit but the
// first, then every year but the first, then the regressors of interest.
struct FixedEffects {
  std::map<std::string, int> units;
  std::map<int, int> years;

  explicit FixedEffects(std::span<const PanelObservation> panel) {
    for (const auto& row : panel) {
      units.emplace(row.unit, 0);
      years.emplace(row.year, 0);
    }
    int index = 0;
    for (auto& [unit, position] : units) position = index++;
    index = 0;
    for (auto& [year, position] : years) position = index++;
  }

  Eigen::Index columns() const { return static_cast<Eigen::Index>(units.size() + years.size() - 1); }

  // The design with `extra` zero columns after the fixed effects, and each row's cluster.
  std::pair<Eigen::MatrixXd, std::vector<int>> design(std::span<const PanelObservation> panel,
                                                      Eigen::Index extra) const {
    Eigen::MatrixXd x = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(panel.size()), columns() + extra);
    std::vector<int> cluster;
    for (std::size_t i = 0; i < panel.size(); ++i) {
      const auto row = static_cast<Eigen::Index>(i);
      const int unit = units.at(panel[i].unit), year = years.at(panel[i].year);
      x(row, 0) = 1;
      if (unit > 0) x(row, unit) = 1;
      if (year > 0) x(row, static_cast<Eigen::Index>(units.size()) + year - 1) = 1;
      cluster.push_back(unit);
    }
    return {std::move(x), std::move(cluster)};
  }
};

Eigen::VectorXd outcomes(std::span<const PanelObservation> panel) {
  Eigen::VectorXd y(static_cast<Eigen::Index>(panel.size()));
  for (std::size_t i = 0; i < panel.size(); ++i) y(static_cast<Eigen::Index>(i)) = panel[i].outcome;
  return y;
}

bool is_treated(const PanelObservation& row) { return row.adoption_year && row.year >= *row.adoption_year; }

int event_bin(const PanelObservation& row, const EventWindow& window) {
  return std::clamp(row.year - *row.adoption_year, window.first, window.last);
}

}  // namespace

std::optional<DifferenceInDifferences> two_way_fixed_effects(std::span<const PanelObservation> panel) {
  const FixedEffects effects(panel);
  auto [x, cluster] = effects.design(panel, 1);
  const Eigen::Index treatment = effects.columns();
  std::map<std::string, bool> treated_units;
  for (std::size_t i = 0; i < panel.size(); ++i) {
    const bool treated = is_treated(panel[i]);
    x(static_cast<Eigen::Index>(i), treatment) = treated ? 1 : 0;
    if (treated) treated_units[panel[i].unit] = true;
  }
  if (treated_units.empty()) return std::nullopt;
  try {  // a panel treated everywhere makes the treatment collinear with the fixed effects: refused as such
    const ClusteredFit fit = fit_clustered_ols(x, outcomes(panel), cluster);
    DifferenceInDifferences result;
    result.effect = fit.estimate(treatment);
    result.observations = fit.observations;
    result.units = effects.units.size();
    result.treated_units = treated_units.size();
    result.years = effects.years.size();
    return result;
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::vector<EventTimeEffect> event_study(std::span<const PanelObservation> panel, const EventWindow& window) {
  std::map<int, std::size_t> bin_counts;
  for (const auto& row : panel) {
    if (row.adoption_year) ++bin_counts[event_bin(row, window)];
  }
  std::map<int, Eigen::Index> bin_columns;
  const FixedEffects effects(panel);
  for (const auto& [bin, count] : bin_counts) {
    if (bin != window.reference)
      bin_columns.emplace(bin, effects.columns() + static_cast<Eigen::Index>(bin_columns.size()));
  }
  auto [x, cluster] = effects.design(panel, static_cast<Eigen::Index>(bin_columns.size()));
  for (std::size_t i = 0; i < panel.size(); ++i) {
    if (!panel[i].adoption_year) continue;
    const auto column = bin_columns.find(event_bin(panel[i], window));
    if (column != bin_columns.end()) x(static_cast<Eigen::Index>(i), column->second) = 1;
  }
  std::vector<EventTimeEffect> study;
  try {
    const ClusteredFit fit = fit_clustered_ols(x, outcomes(panel), cluster);
    for (const auto& [bin, count] : bin_counts) {
      EventTimeEffect effect{bin, std::nullopt, count};
      if (bin != window.reference) effect.effect = fit.estimate(bin_columns.at(bin));
      study.push_back(effect);
    }
  } catch (const Error&) {
    study.clear();
  }
  return study;
}

}  // namespace hci::analytics
