#pragma once
// The measures a request chooses: `group=` (one measure group) and `measures=ID,...` (catalogue ids), shared
// by the measure routes, the comparison and the exports.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/measure_view.hpp"
#include "server/query_params.hpp"

namespace hci::server {

/// `group=`: one of the measure groups.
const QueryParameter& measure_group_parameter();

/// `measures=ID,...`: up to 40 catalogue ids.
const QueryParameter& measure_list_parameter();

/// Reads `measures=`: the catalogue positions in the order given, each id checked (an unknown one is a
/// parameter error naming it); nullopt when absent.
std::optional<std::vector<std::size_t>> read_measure_list(QueryReader& query, const MeasureView& view);

/// A hospital's value of measures()[index] in brief: {value, missing_reason, footnote}, all null when the
/// hospital has no row for the measure.
nlohmann::ordered_json brief_value_json(const MeasureView& view, std::size_t hospital, std::size_t index);

}  // namespace hci::server
