#include "ml/trained_model.hpp"

#include "core/sha256.hpp"

namespace hci::ml {

void stamp_version(ModelRecord& record) {
  record.version =
      sha256_hex(record.name + '\n' + record.artifact + '\n' + record.features_json + '\n' + record.parameters_json)
          .substr(0, 16);
}

nlohmann::ordered_json model_record_json(const ModelRecord& r, bool with_artifact) {
  return model_record_json(r, nlohmann::ordered_json::parse(r.details_json), with_artifact);
}

nlohmann::ordered_json model_record_json(const ModelRecord& r, nlohmann::ordered_json details, bool with_artifact) {
  auto parsed = [](const std::string& text) { return nlohmann::ordered_json::parse(text); };
  nlohmann::ordered_json object = {{"name", r.name},
                                   {"version", r.version},
                                   {"dataset_version", r.dataset_version},
                                   {"trained_at", r.trained_at},
                                   {"algorithm", r.algorithm},
                                   {"features", parsed(r.features_json)},
                                   {"parameters", parsed(r.parameters_json)},
                                   {"metrics", parsed(r.metrics_json)},
                                   {"details", std::move(details)}};
  if (with_artifact) object["artifact"] = r.artifact;
  return object;
}

}  // namespace hci::ml
