#pragma once
// Why the rating model predicts what it does for one hospital: XGBoost's per-feature contributions, folded
// back into the model's inputs and their groups.

#include <cstddef>

#include <nlohmann/json.hpp>

#include "ml/features.hpp"
#include "ml/xgboost_model.hpp"

namespace hci::ml {

/// What moves one predicted star. `row` is one encoded row. Gives {base_value (the model's bias), inputs:
/// the `top` inputs with the largest contributions in stars [{input, group, value, contribution}], others
/// (the sum of the rest), by_group {group: sum}}; base_value + every contribution = the prediction. The
/// one-hot columns of a category ("hospital_type=...") count as one input whose value is the category.
nlohmann::ordered_json explain_rating(const XgbModel& model, const FeatureMatrix& row, std::size_t top);

}  // namespace hci::ml
