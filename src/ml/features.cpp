#include "ml/features.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"

namespace hci::ml {

namespace {

constexpr const char* kPolicyNames[] = {"learn_default", "impute_mean"};

double number_of(const RawRow& row, const std::string& name) {
  auto it = row.numbers.find(name);
  return it == row.numbers.end() ? std::nan("") : it->second;
}

const std::string* category_of(const RawRow& row, const std::string& name) {
  auto it = row.categories.find(name);
  return it == row.categories.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace

FeatureMatrix FeatureMatrix::select(const std::vector<std::size_t>& chosen) const {
  FeatureMatrix out;
  out.columns = columns;
  out.rows = chosen.size();
  out.values.reserve(chosen.size() * columns.size());
  for (std::size_t row : chosen) {
    out.values.insert(out.values.end(), values.begin() + static_cast<std::ptrdiff_t>(row * columns.size()),
                      values.begin() + static_cast<std::ptrdiff_t>((row + 1) * columns.size()));
  }
  return out;
}

FeatureEncoder::FeatureEncoder(std::vector<std::string> numeric, std::vector<std::string> categorical,
                               MissingPolicy policy)
    : numeric_(std::move(numeric)), categorical_(std::move(categorical)), policy_(policy) {
  build_columns();
}

void FeatureEncoder::fit(const std::vector<RawRow>& rows) {
  for (const auto& name : numeric_) {
    double sum = 0;
    std::size_t count = 0;
    for (const auto& row : rows) {
      const double value = number_of(row, name);
      if (std::isnan(value)) continue;
      sum += value;
      ++count;
    }
    means_[name] = count == 0 ? 0.0 : sum / static_cast<double>(count);
  }
  for (const auto& name : categorical_) {
    std::set<std::string> seen;
    for (const auto& row : rows) {
      if (const auto* value = category_of(row, name)) seen.insert(*value);
    }
    categories_[name].assign(seen.begin(), seen.end());
  }
  build_columns();
}

void FeatureEncoder::build_columns() {
  columns_ = numeric_;
  for (const auto& name : categorical_) {
    for (const auto& value : categories_[name]) columns_.push_back(name + "=" + value);
  }
}

FeatureMatrix FeatureEncoder::encode(const std::vector<RawRow>& rows) const {
  FeatureMatrix matrix;
  matrix.columns = columns_;
  matrix.rows = rows.size();
  matrix.values.reserve(rows.size() * columns_.size());
  for (const auto& row : rows) {
    for (const auto& name : numeric_) {
      double value = number_of(row, name);
      if (std::isnan(value) && policy_ == MissingPolicy::impute_mean) value = means_.at(name);
      matrix.values.push_back(static_cast<float>(value));
    }
    for (const auto& name : categorical_) {
      const auto* value = category_of(row, name);
      for (const auto& category : categories_.at(name))
        matrix.values.push_back(value && *value == category ? 1.0f : 0.0f);
    }
  }
  return matrix;
}

std::vector<std::string> FeatureEncoder::inputs() const {
  std::vector<std::string> names = numeric_;
  names.insert(names.end(), categorical_.begin(), categorical_.end());
  return names;
}

std::vector<std::string> FeatureEncoder::missing_inputs(const RawRow& row) const {
  std::vector<std::string> missing;
  for (const auto& name : numeric_) {
    if (std::isnan(number_of(row, name))) missing.push_back(name);
  }
  for (const auto& name : categorical_) {
    const auto* value = category_of(row, name);
    if (!value) {
      missing.push_back(name);
      continue;
    }
    const auto& known = categories_.at(name);
    if (std::find(known.begin(), known.end(), *value) == known.end()) {
      missing.push_back(name + "=" + *value + " (unseen in training)");
    }
  }
  return missing;
}

nlohmann::ordered_json FeatureEncoder::to_json() const {
  nlohmann::ordered_json categories = nlohmann::ordered_json::object();
  for (const auto& name : categorical_) categories[name] = categories_.at(name);
  nlohmann::ordered_json means = nlohmann::ordered_json::object();
  for (const auto& name : numeric_) means[name] = means_.count(name) ? means_.at(name) : 0.0;
  return {{"numeric", numeric_},
          {"categorical", categorical_},
          {"categories", categories},
          {"training_means", means},
          {"missing_values", kPolicyNames[static_cast<int>(policy_)]},
          {"columns", columns_}};
}

FeatureEncoder FeatureEncoder::from_json(const nlohmann::json& document) {
  try {
    const auto policy_name = document.at("missing_values").get<std::string>();
    const auto policy = policy_name == kPolicyNames[1] ? MissingPolicy::impute_mean : MissingPolicy::learn_default;
    FeatureEncoder encoder(document.at("numeric").get<std::vector<std::string>>(),
                           document.at("categorical").get<std::vector<std::string>>(), policy);
    for (const auto& [name, values] : document.at("categories").items()) {
      encoder.categories_[name] = values.get<std::vector<std::string>>();
    }
    for (const auto& [name, mean] : document.at("training_means").items()) encoder.means_[name] = mean.get<double>();
    encoder.build_columns();
    return encoder;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("malformed feature encoder: ") + e.what());
  }
}

}  // namespace hci::ml
