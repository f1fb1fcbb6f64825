#pragma once
// Reads a stored dataset version back into typed records.

#include <cstdint>

#include "core/dataset_sink.hpp"
#include "store/sqlite/connection.hpp"

namespace hci {

/// Streams every record of one stored dataset version into a sink, table by table, in key order.
void read_sqlite_dataset(sqlite::Connection& connection, std::int64_t dataset_id, DatasetSink& sink);

}  // namespace hci
