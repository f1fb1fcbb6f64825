#pragma once
// The SciPy / statsmodels / pandas reference values committed in reference/expected.json.

#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/statistics.hpp"

namespace hci::testing {

/// reference/expected.json, parsed once.
inline const nlohmann::json& reference_values() {
  static const nlohmann::json values = [] {
    std::ifstream in(std::string(HCI_SOURCE_DIR) + "/tests/analytics/reference/expected.json");
    return nlohmann::json::parse(in);
  }();
  return values;
}

/// A JSON array of numbers and nulls as a column (null -> missing).
inline std::vector<double> column_of(const nlohmann::json& array) {
  std::vector<double> column;
  for (const auto& v : array) column.push_back(v.is_null() ? kMissing : v.get<double>());
  return column;
}

}  // namespace hci::testing
