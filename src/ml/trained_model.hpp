#pragma once
// What training a model gives back: the record to store and the headline figures to print.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model_record.hpp"

namespace hci::ml {

/// A freshly trained model. `record` has everything but dataset_version and trained_at, which the
/// pipeline fills; `headline` is a few formatted metrics for the printed table ("cv_r2" -> "0.41").
struct TrainedModel {
  ModelRecord record;
  std::vector<std::pair<std::string, std::string>> headline;
};

/// Fills record.version with a hash of what defines the model (name, artifact, features, parameters).
void stamp_version(ModelRecord& record);

/// A model record as one JSON document (what models/ holds and GET /models/{name} shows), optionally with
/// its artifact.
nlohmann::ordered_json model_record_json(const ModelRecord& record, bool with_artifact);
/// The same with record.details_json already parsed as `details` (a caller that reads the details too
/// parses the document once).
nlohmann::ordered_json model_record_json(const ModelRecord& record, nlohmann::ordered_json details, bool with_artifact);

}  // namespace hci::ml
