#include "server/medicaid_profile.hpp"

#include <array>
#include <utility>

namespace hci::server {

namespace {

using Figure = std::optional<double> MedicaidEnrollment::*;

// The monthly figures and their indicator names (the yearly panel uses the same names for yearly means).
constexpr std::array kMonthlyFigures{
    std::pair<const char*, Figure>{"medicaid_chip_enrollment", &MedicaidEnrollment::total_enrollment},
    std::pair<const char*, Figure>{"medicaid_enrollment", &MedicaidEnrollment::medicaid_enrollment},
    std::pair<const char*, Figure>{"chip_enrollment", &MedicaidEnrollment::chip_enrollment},
    std::pair<const char*, Figure>{"adult_medicaid_enrollment", &MedicaidEnrollment::adult_medicaid_enrollment},
    std::pair<const char*, Figure>{"child_enrollment", &MedicaidEnrollment::child_enrollment},
    std::pair<const char*, Figure>{"new_applications", &MedicaidEnrollment::new_applications},
    std::pair<const char*, Figure>{"determinations", &MedicaidEnrollment::determinations},
};

constexpr std::array<const char*, kMonthlyFigures.size()> kMonthlyNames = [] {
  std::array<const char*, kMonthlyFigures.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = kMonthlyFigures[i].first;
  return names;
}();

}  // namespace

std::span<const char* const> monthly_indicator_names() { return kMonthlyNames; }

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
  for (const auto& [name, field] : kMonthlyFigures) {
    auto& entry = monthly[name];
    if (entry.is_null()) {
      entry = {{"unit", "persons"}, {"source", "medicaid_enrollment"}, {"values", nlohmann::ordered_json::array()}};
    }
    nlohmann::ordered_json value = {{"month", report.month},
                                    {"value", report.*field ? nlohmann::ordered_json(*(report.*field)) : nullptr}};
    if (!report.updated) value["preliminary"] = true;
    entry["values"].push_back(std::move(value));
  }
}

}  // namespace hci::server
