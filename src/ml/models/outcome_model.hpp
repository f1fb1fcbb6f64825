#pragma once
// The health outcome predictor: life expectancy at birth from social determinants and access to care,
// per county (5-fold CV) and per state (leave-one-out CV), side by side.

#include <cstdint>

#include "core/metric_table.hpp"
#include "ml/trained_model.hpp"

namespace hci::ml {

/// The county inputs (County Health Rankings names, plus urban_rural_code and hospitals_per_100k).
const std::vector<std::string>& outcome_county_inputs();

/// Trains XGBoost on the counties whose life-expectancy estimate is stable (95% CI narrower than 10 years),
/// cross-validates it in 5 folds, keeps every county's out-of-fold prediction beside its actual value, and
/// reports the state-level model (same algorithm, leave-one-out) beside it.
TrainedModel train_outcome_model(const MetricTable& counties, const MetricTable& states, std::uint64_t seed);

}  // namespace hci::ml
