#include "server/model_view.hpp"

#include "core/error.hpp"
#include "ml/trained_model.hpp"

namespace hci::server {

namespace {

using Json = nlohmann::ordered_json;

Json summary_of(const ModelRecord& r) {
  return {{"name", r.name},
          {"version", r.version},
          {"algorithm", r.algorithm},
          {"dataset_version", r.dataset_version},
          {"trained_at", r.trained_at},
          {"metrics", Json::parse(r.metrics_json)}};
}

}  // namespace

std::unique_ptr<const ModelView> ModelView::load(std::vector<ModelRecord> records) {
  if (records.empty()) return nullptr;
  std::unique_ptr<ModelView> view(new ModelView());
  try {
    for (auto& record : records) {
      view->summaries_.push_back(summary_of(record));
      Json details = Json::parse(record.details_json);
      if (record.name == "rating") {
        auto encoder = ml::FeatureEncoder::from_json(nlohmann::json::parse(record.features_json));
        auto model = ml::XgbModel::from_json(record.artifact, encoder.columns());
        view->rating_ = std::make_unique<RatingPredictor>(RatingPredictor{std::move(model), std::move(encoder),
                                                                          ml::RatingContext(details.at("context")),
                                                                          Json::parse(record.metrics_json)});
      } else if (record.name == "outcome") {
        for (const auto& [fips, entry] : details.at("county_predictions").items())
          view->county_life_expectancy_[fips] = entry;
      } else if (record.name == "cost") {
        for (const auto& [target, fit] : details.items()) {
          for (const auto& f : fit.at("forecasts")) {
            view->forecasts_[f.at("state").get<std::string>()][target].push_back(
                {{"year", f.at("year")}, {"value", f.at("value")}, {"low", f.at("low")}, {"high", f.at("high")}});
          }
        }
      } else if (record.name == "clusters") {
        view->clusters_ = {{"k", Json::parse(record.parameters_json).at("k")},
                           {"silhouette", Json::parse(record.metrics_json).at("silhouette")},
                           {"clusters", details.at("clusters")},
                           {"assignments", details.at("assignments")}};
        for (const auto& cluster : details.at("clusters")) {
          for (const auto& state : cluster.at("states")) {
            view->state_clusters_[state.get<std::string>()] = {{"cluster", cluster.at("cluster")},
                                                               {"label", cluster.at("label")}};
          }
        }
      }
      details.erase("context");  // the model's inputs, left out of its description
      view->described_[record.name] = ml::model_record_json(record, std::move(details), false);
      view->records_[record.name] = std::move(record);
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("a registered model is malformed: ") + e.what());
  }
  return view;
}

const nlohmann::ordered_json* ModelView::describe(std::string_view name) const {
  auto it = described_.find(name);
  return it == described_.end() ? nullptr : &it->second;
}

std::optional<std::pair<std::string, std::string>> ModelView::identity(std::string_view name) const {
  auto it = records_.find(name);
  if (it == records_.end()) return std::nullopt;
  return std::pair{it->second.name, it->second.version};
}

const nlohmann::ordered_json* ModelView::county_life_expectancy(std::string_view fips) const {
  auto it = county_life_expectancy_.find(fips);
  return it == county_life_expectancy_.end() ? nullptr : &it->second;
}

const nlohmann::ordered_json* ModelView::state_forecast(std::string_view state) const {
  auto it = forecasts_.find(state);
  return it == forecasts_.end() ? nullptr : &it->second;
}

const nlohmann::ordered_json* ModelView::state_cluster(std::string_view state) const {
  auto it = state_clusters_.find(state);
  return it == state_clusters_.end() ? nullptr : &it->second;
}

}  // namespace hci::server
