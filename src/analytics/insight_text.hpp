#pragma once
// How insights word their numbers: readable figures, p-values, labels inside a sentence, correlation evidence.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analytics/correlations.hpp"

namespace hci::analytics {

/// "3,058" for counts and large values, three significant digits below 1,000.
std::string readable(double value);

/// A p-value for a sentence ("= 0.0031"); below what a double can tell apart from zero, "< 1e-300".
std::string p_text(double p);

/// A label inside a sentence: "Children in poverty" -> "children in poverty"; acronyms ("ACA ...") and
/// program names ("Medicare ...") stay.
std::string mid_sentence(std::string label);

/// "counties" or "states and territories", for a table level.
std::string plural_of(std::string_view level);

/// The evidence of a correlation insight: test, level, x, y, r, ci_95, n, p_value, p_adjusted.
nlohmann::ordered_json correlation_evidence(const CorrelationMatrix& matrix, const CorrelationCell& cell);

}  // namespace hci::analytics
