#include "server/store_catalog.hpp"

namespace hci::server {

std::shared_ptr<const StoreCatalog> StoreCatalog::load(store::Store& store) {
  std::shared_ptr<StoreCatalog> catalog(new StoreCatalog());
  catalog->marker_ = store.catalog_marker();
  for (const auto& info : store.list_datasets()) {
    auto full = store.find_dataset(info.version);
    if (full) catalog->datasets_.push_back(std::move(*full));
  }
  catalog->pipeline_runs_ = store.pipeline_runs(kRunsKept);
  return catalog;
}

}  // namespace hci::server
