// Store: the model registry (`hci train`).

#include "store/store.hpp"

namespace hci::store {

void Store::save_model(const ModelRecord& m) {
  run(*connection_,
      "INSERT INTO models (name, version, dataset_id, trained_at, algorithm, features, parameters, metrics, details,"
      " artifact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.name, m.version, dataset_id_of(m.dataset_version), m.trained_at, m.algorithm, m.features_json,
       m.parameters_json, m.metrics_json, m.details_json, m.artifact});
}

std::vector<ModelRecord> Store::current_models(std::string_view version) {
  std::vector<ModelRecord> models;
  for_each_row(
      *connection_,
      "SELECT name, version, trained_at, algorithm, features, parameters, metrics, details, artifact FROM models"
      " WHERE id IN (SELECT max(id) FROM models WHERE dataset_id = ? GROUP BY name) ORDER BY name",
      {dataset_id_of(version)}, [&](const SqlRow& row) {
        models.push_back(ModelRecord{row.string(0), row.string(1), std::string(version), row.string(2), row.string(3),
                                     row.string(4), row.string(5), row.string(6), row.string(7), row.string(8)});
      });
  return models;
}

}  // namespace hci::store
