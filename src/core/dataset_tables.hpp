#pragma once
// Every record of one dataset version held in memory: what analytics and model training read.

#include <vector>

#include "core/dataset_sink.hpp"

namespace hci {

/// The typed tables of a dataset version, one vector per record type, filled through the DatasetSink
/// interface (from a store read or straight from ingest). Plain data once filled; not thread-safe while
/// filling.
class DatasetTables final : public DatasetSink {
 public:
  void receive(RecordRef record) override {
    std::visit([this](const auto* r) { of<std::decay_t<decltype(*r)>>().push_back(*r); }, record);
  }
  /// The records of one type, in the order they arrived.
  template <typename Record>
  std::vector<Record>& of() {
    return std::get<std::vector<Record>>(tables_);
  }
  /// The records of one type, in the order they arrived.
  template <typename Record>
  const std::vector<Record>& of() const {
    return std::get<std::vector<Record>>(tables_);
  }

 private:
  DatasetRecords::Tables tables_;
};

}  // namespace hci
