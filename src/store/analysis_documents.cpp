// Store: the analysis documents of each version (`hci analyze`).

#include "store/sql/transaction.hpp"
#include "store/store.hpp"

namespace hci::store {

void Store::save_analysis(std::string_view version, const std::vector<AnalysisDocument>& documents) {
  const std::int64_t dataset_id = dataset_id_of(version);
  const std::string computed_at = utc_timestamp_now();
  Transaction transaction(*connection_);
  run(*connection_, "DELETE FROM analysis_results WHERE dataset_id = ?", {dataset_id});
  for (const auto& document : documents) {
    run(*connection_, "INSERT INTO analysis_results (dataset_id, name, body, computed_at) VALUES (?, ?, ?, ?)",
        {dataset_id, document.name, document.json, computed_at});
  }
  transaction.commit();
}

std::vector<AnalysisDocument> Store::load_analysis(std::string_view version) {
  std::vector<AnalysisDocument> documents;
  for_each_row(*connection_, "SELECT name, body FROM analysis_results WHERE dataset_id = ? ORDER BY name",
               {dataset_id_of(version)}, [&](const SqlRow& row) {
                 documents.push_back(AnalysisDocument{row.string(0), row.string(1)});
               });
  return documents;
}

}  // namespace hci::store
