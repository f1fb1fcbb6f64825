#include "core/metric_table.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace hci {

namespace {

constexpr std::string_view kDirectionNames[] = {"higher_is_better", "lower_is_better", "neutral"};

}  // namespace

const Metric* MetricTable::find(std::string_view name) const {
  auto it = std::find_if(metrics.begin(), metrics.end(), [&](const Metric& m) { return m.name == name; });
  return it == metrics.end() ? nullptr : &*it;
}

std::optional<std::size_t> MetricTable::row_of(std::string_view key) const {
  auto it = std::find(keys.begin(), keys.end(), key);
  if (it == keys.end()) return std::nullopt;
  return static_cast<std::size_t>(it - keys.begin());
}

Direction direction_from_name(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kDirectionNames); ++i) {
    if (kDirectionNames[i] == name) return static_cast<Direction>(i);
  }
  throw Error(ErrorCode::invalid_input, "unknown metric direction '" + std::string(name) + "'");
}

std::string_view direction_name(Direction direction) { return kDirectionNames[static_cast<int>(direction)]; }

nlohmann::json metric_table_to_json(const MetricTable& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < table.keys.size(); ++i) {
    rows.push_back({{"key", table.keys[i]}, {"name", table.names[i]}, {"state", table.states[i]}});
  }
  nlohmann::json metrics = nlohmann::json::array();
  for (const auto& metric : table.metrics) {
    nlohmann::json values = nlohmann::json::array();
    for (double v : metric.values) values.push_back(is_present(v) ? nlohmann::json(v) : nlohmann::json(nullptr));
    metrics.push_back({{"name", metric.name},
                       {"label", metric.label},
                       {"description", metric.description},
                       {"unit", metric.unit},
                       {"source", metric.source},
                       {"direction", direction_name(metric.direction)},
                       {"values", std::move(values)}});
  }
  return {{"level", table.level}, {"rows", std::move(rows)}, {"metrics", std::move(metrics)}};
}

MetricTable metric_table_from_json(const nlohmann::json& document) {
  try {
    MetricTable table;
    table.level = document.at("level").get<std::string>();
    for (const auto& row : document.at("rows")) {
      table.keys.push_back(row.at("key").get<std::string>());
      table.names.push_back(row.at("name").get<std::string>());
      table.states.push_back(row.at("state").get<std::string>());
    }
    for (const auto& item : document.at("metrics")) {
      Metric metric{item.at("name").get<std::string>(),
                    item.at("label").get<std::string>(),
                    item.at("description").get<std::string>(),
                    item.at("unit").get<std::string>(),
                    item.at("source").get<std::string>(),
                    direction_from_name(item.at("direction").get<std::string>()),
                    {}};
      for (const auto& v : item.at("values")) metric.values.push_back(v.is_null() ? kMissing : v.get<double>());
      if (metric.values.size() != table.keys.size()) {
        throw Error(ErrorCode::invalid_input, "metric '" + metric.name + "' has a value count unlike its rows");
      }
      table.add(std::move(metric));
    }
    return table;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("malformed metric table: ") + e.what());
  }
}

bool is_interval_bound(std::string_view metric_name) {
  return metric_name.ends_with("_ci_low") || metric_name.ends_with("_ci_high");
}

}  // namespace hci
