#pragma once
// Where parsed records go: the store implements it, the background writer and tests wrap it.

#include <span>

#include "core/dataset_records.hpp"

namespace hci {

/// Receives the typed records of one dataset version as ingest produces them. Implementations may
/// throw hci::Error to abort the load; nothing written becomes visible until the load commits.
class DatasetSink {
 public:
  virtual ~DatasetSink() = default;
  /// Passes on one record of a type listed in DatasetRecords.
  template <typename Record>
  void add(const Record& record) {
    receive(RecordRef(&record));
  }
  /// Receives one record; the pointer is valid only during the call.
  virtual void receive(RecordRef record) = 0;
  /// Receives a run of records, valid during the call; the default passes each to receive().
  virtual void receive_batch(std::span<const DatasetRecords::Value> records) {
    for (const auto& record : records) std::visit([this](const auto& r) { add(r); }, record);
  }
};

}  // namespace hci
