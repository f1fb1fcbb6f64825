#include "server/measure_selection.hpp"

#include <array>
#include <string_view>

namespace hci::server {

namespace {

constexpr std::array<std::string_view, 7> kGroups{
    "readmission", "mortality", "safety", "patient_experience", "value_based_purchasing", "spending", "payment"};
constexpr QueryParameter kGroup{
    .name = "group", .type = ParameterType::choice, .description = "only this measure group", .choices = kGroups};
constexpr QueryParameter kMeasures{.name = "measures",
                                   .type = ParameterType::list,
                                   .description =
                                       "comma-separated measure ids of /api/v1/measures, e.g. "
                                       "READM-30-HF-HRRP,MSPB-1",
                                   .max_items = 40};

nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

}  // namespace

const QueryParameter& measure_group_parameter() { return kGroup; }

const QueryParameter& measure_list_parameter() { return kMeasures; }

std::optional<std::vector<std::size_t>> read_measure_list(QueryReader& query, const MeasureView& view) {
  const auto ids = query.list(kMeasures);
  if (!ids) return std::nullopt;
  std::vector<std::size_t> positions;
  for (const std::string& id : *ids) {
    if (const auto index = view.find(id)) {
      positions.push_back(*index);
    } else {
      query.fail(kMeasures.name, id, "is not a measure id; GET /api/v1/measures lists them");
    }
  }
  return positions;
}

nlohmann::ordered_json brief_value_json(const MeasureView& view, std::size_t hospital, std::size_t index) {
  const StoredValue* value = view.value_of(hospital, index);
  if (value == nullptr) return {{"value", nullptr}, {"missing_reason", nullptr}, {"footnote", nullptr}};
  return {{"value", value->value ? nlohmann::ordered_json(*value->value) : nlohmann::ordered_json(nullptr)},
          {"missing_reason", text_or_null(view.text(value->missing_reason))},
          {"footnote", text_or_null(view.text(value->footnote))}};
}

}  // namespace hci::server
