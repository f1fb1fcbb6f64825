#pragma once
// The flat table behind the CSV and XLSX exports: one column per hospital field (the nested rating breakdown
// stays in JSON and GeoJSON) and three per chosen measure (value, missing_reason, footnote), each cell a
// typed JSON value, so every tabular format has the same columns in the same order.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/snapshot.hpp"

namespace hci::server {

/// The column names: hospital fields, then ID, ID_missing_reason and ID_footnote per chosen measure.
std::vector<std::string> export_columns(const Snapshot& snapshot, const std::vector<std::size_t>& measures);

/// The cells of one hospital, in export_columns' order: strings, numbers, booleans or null.
std::vector<nlohmann::ordered_json> export_row(const Snapshot& snapshot, std::uint32_t hospital,
                                               const std::vector<std::size_t>& measures);

}  // namespace hci::server
