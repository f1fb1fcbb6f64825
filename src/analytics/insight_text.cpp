#include "analytics/insight_text.hpp"

#include <cctype>
#include <cmath>

#include <fmt/format.h>

namespace hci::analytics {

std::string readable(double value) {
  if (std::fabs(value) < 1000) return fmt::format("{:.3g}", value);
  std::string digits = fmt::format("{:.0f}", std::fabs(value));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (value < 0 ? "-" : "") + digits;
}

std::string p_text(double p) { return p < 1e-300 ? "< 1e-300" : fmt::format("= {:.2g}", p); }

std::string mid_sentence(std::string label) {
  const bool proper_noun = label.rfind("Medicare", 0) == 0 || label.rfind("Medicaid", 0) == 0;
  if (!proper_noun && label.size() > 1 && std::isupper(static_cast<unsigned char>(label[0])) &&
      !std::isupper(static_cast<unsigned char>(label[1]))) {
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  }
  return label;
}

std::string plural_of(std::string_view level) { return level == "county" ? "counties" : "states and territories"; }

nlohmann::ordered_json correlation_evidence(const CorrelationMatrix& matrix, const CorrelationCell& cell) {
  return {{"test", std::string(correlation_method_name(matrix.method)) + " correlation"},
          {"level", matrix.level},
          {"x", matrix.variables[cell.row]->name},
          {"y", matrix.variables[cell.column]->name},
          {"r", cell.correlation.r},
          {"ci_95", {cell.correlation.ci_low, cell.correlation.ci_high}},
          {"n", cell.correlation.n},
          {"p_value", cell.correlation.p_value},
          {"p_adjusted", cell.p_adjusted}};
}

}  // namespace hci::analytics
