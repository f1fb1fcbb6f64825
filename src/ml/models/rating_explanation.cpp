#include "ml/models/rating_explanation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "ml/models/rating_model.hpp"

namespace hci::ml {

namespace {

using Json = nlohmann::ordered_json;

// One model input's share of a prediction.
struct InputContribution {
  std::string input;
  Json value;
  double contribution = 0;
};

// Folds the encoded columns' contributions into their inputs, in column order.
std::vector<InputContribution> by_input(const FeatureMatrix& row, const std::vector<double>& contributions) {
  std::vector<InputContribution> inputs;
  std::map<std::string, std::size_t> position;
  for (std::size_t c = 0; c < row.columns.size(); ++c) {
    const std::string& column = row.columns[c];
    const auto equals = column.find('=');
    const std::string input = equals == std::string::npos ? column : column.substr(0, equals);
    auto [it, added] = position.try_emplace(input, inputs.size());
    if (added) inputs.push_back({input, nullptr, 0});
    InputContribution& entry = inputs[it->second];
    entry.contribution += contributions[c];
    const float value = row.at(0, c);
    if (equals == std::string::npos) {
      entry.value = std::isnan(value) ? Json(nullptr) : Json(value);
    } else if (value == 1.0f) {
      entry.value = column.substr(equals + 1);
    }
  }
  return inputs;
}

}  // namespace

Json explain_rating(const XgbModel& model, const FeatureMatrix& row, std::size_t top) {
  const std::vector<double> contributions = model.contributions(row);
  auto inputs = by_input(row, contributions);
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const auto& a, const auto& b) { return std::fabs(a.contribution) > std::fabs(b.contribution); });
  Json listed = Json::array();
  std::map<std::string, double> groups;
  double others = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string group = rating_input_group(inputs[i].input);
    groups[group] += inputs[i].contribution;
    if (i >= top) {
      others += inputs[i].contribution;
      continue;
    }
    listed.push_back({{"input", inputs[i].input},
                      {"group", group},
                      {"value", inputs[i].value},
                      {"contribution", inputs[i].contribution}});
  }
  Json by_group = Json::object();
  for (const auto& [group, sum] : groups) by_group[group] = sum;
  return {{"base_value", contributions.back()}, {"inputs", listed}, {"others", others}, {"by_group", by_group}};
}

}  // namespace hci::ml
