#include "server/medicaid_profile.hpp"

#include <utility>

namespace hci::server {

nlohmann::ordered_json expansion_json(const analytics::ExpansionHistory& history) {
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (const auto& period : history.periods) {
    periods.push_back({{"from", period.from}, {"to", period.to}, {"expanded", period.expanded}});
  }
  return {{"expanded", history.expanded_since.has_value()},
          {"expanded_since", history.expanded_since ? nlohmann::ordered_json(*history.expanded_since) : nullptr},
          {"expanded_at_first_monthly_report", history.expanded_at_first_monthly_report},
          {"as_of", history.periods.empty() ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json(history.periods.back().to)},
          {"periods", periods}};
}

void add_monthly_report(nlohmann::ordered_json& monthly, const MedicaidEnrollment& report) {
  for (const auto& figure : kMedicaidFigures) {
    auto& entry = monthly[figure.indicator];
    if (entry.is_null()) {
      entry = {{"unit", "persons"}, {"source", "medicaid_enrollment"}, {"values", nlohmann::ordered_json::array()}};
    }
    const auto& figure_value = report.*figure.field;
    nlohmann::ordered_json value = {{"month", report.month},
                                    {"value", figure_value ? nlohmann::ordered_json(*figure_value) : nullptr}};
    if (!report.updated) value["preliminary"] = true;
    entry["values"].push_back(std::move(value));
  }
}

}  // namespace hci::server
