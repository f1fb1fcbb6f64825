#pragma once
// The SciPy / statsmodels / pandas reference values committed in reference/*.json.

#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/statistics.hpp"

namespace hci::testing {

/// A file of tests/analytics/reference/, parsed.
inline nlohmann::json read_reference(const char* name) {
  std::ifstream in(std::string(HCI_SOURCE_DIR) + "/tests/analytics/reference/" + name);
  return nlohmann::json::parse(in);
}

/// reference/expected.json (make_reference.py), parsed once.
inline const nlohmann::json& reference_values() {
  static const nlohmann::json values = read_reference("expected.json");
  return values;
}

/// reference/state_series_expected.json (make_state_series_reference.py), parsed once.
inline const nlohmann::json& state_series_reference_values() {
  static const nlohmann::json values = read_reference("state_series_expected.json");
  return values;
}

/// A JSON array of numbers and nulls as a column (null -> missing).
inline std::vector<double> column_of(const nlohmann::json& array) {
  std::vector<double> column;
  for (const auto& v : array) column.push_back(v.is_null() ? kMissing : v.get<double>());
  return column;
}

}  // namespace hci::testing
