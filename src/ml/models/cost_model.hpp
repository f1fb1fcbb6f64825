#pragma once
// The healthcare cost predictor: OLS on the state x year panel for the ACA benchmark premium and Medicare
// spending per enrollee, with standard errors, two-year forecasts with 95% prediction intervals, and
// back-tests that hold out the last year(s).

#include <cstdint>
#include <string>

#include <Eigen/Dense>
#include <vector>

#include "core/indicators.hpp"
#include "ml/trained_model.hpp"

namespace hci::ml {

/// The targets the cost model forecasts.
const std::vector<std::string>& cost_targets();

/// The rows a target's OLS fit reads, for the scikit-learn comparison: design columns (without the
/// intercept), one row per state and year.
struct CostTrainingRows {
  std::vector<std::string> columns;
  std::vector<std::string> states;
  std::vector<int> years;
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};
CostTrainingRows cost_training_rows(const std::vector<StateIndicator>& panel, const std::string& target);

/// Fits, for each target, y ~ year + real median household income + uninsured share + Medicaid share +
/// state fixed effects. Covariates missing in a year (2020 for KFF coverage, years after the last release)
/// carry the state's latest earlier value forward; forecasts carry them forward too.
TrainedModel train_cost_model(const std::vector<StateIndicator>& panel, std::uint64_t seed);

}  // namespace hci::ml
