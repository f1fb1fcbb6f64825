#include "pipeline/analyze_dataset.hpp"

#include <nlohmann/json.hpp>

#include "analytics/analysis.hpp"
#include "core/dataset_tables.hpp"
#include "core/error.hpp"

namespace hci::pipeline {

AnalyzeOutcome analyze_dataset(store::Store& store, std::string_view version_prefix) {
  const auto dataset = store.find_dataset(version_prefix);
  if (!dataset) {
    throw Error(ErrorCode::not_found, version_prefix.empty()
                                          ? "no current dataset in " + store.describe() + ": run 'hci ingest'"
                                          : "no dataset version starts with '" + std::string(version_prefix) + "'");
  }
  DatasetTables tables;
  store.read_dataset(dataset->version, tables);
  const auto access = store.zip_emergency_access(dataset->version);
  const auto documents = analytics::run_analysis(tables, access);
  store.save_analysis(dataset->version, documents);
  AnalyzeOutcome outcome{dataset->version, documents.size(), 0, access.size()};
  for (const auto& document : documents) {
    if (document.name == analytics::documents::kInsights)
      outcome.insights = nlohmann::json::parse(document.json).size();
  }
  return outcome;
}

}  // namespace hci::pipeline
