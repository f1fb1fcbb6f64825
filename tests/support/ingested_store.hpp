#pragma once
// The real snapshot, ingested once per test binary into a temporary SQLite store, and its tables read back.

#include <string>

#include "core/dataset_tables.hpp"
#include "pipeline/load_sources.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace hci::testing {

/// The store every test of a binary reads: the bundled real snapshot, loaded once.
inline const std::string& ingested_store_uri() {
  static TempDir dir;
  static const std::string uri = [] {
    const std::string path = "sqlite:" + (dir.path() / "hci.db").string();
    auto store = store::open_store(path);
    store->migrate();
    pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
    return path;
  }();
  return uri;
}

/// Every record of the current version, read straight from the store.
inline const DatasetTables& stored_tables() {
  static const DatasetTables tables = [] {
    auto store = store::open_store(ingested_store_uri());
    DatasetTables read;
    store->read_dataset(store->find_dataset("")->version, read);
    return read;
  }();
  return tables;
}

/// The hospitals of the current version.
inline const std::vector<Hospital>& stored_hospitals() { return stored_tables().of<Hospital>(); }

}  // namespace hci::testing
