#pragma once
// Building blocks every route uses to shape its payload.

#include <string_view>

#include <nlohmann/json.hpp>

#include "server/http_message.hpp"
#include "server/pagination.hpp"
#include "server/query_params.hpp"
#include "server/router.hpp"
#include "server/snapshot.hpp"

namespace hci::server {

/// One object: {"data": <data_json>, "meta": {"dataset_version": ..., "source": ...}}, from rendered JSON.
HttpResponse rendered_object_response(const Snapshot& snapshot, std::string_view data_json);

/// The same, from a JSON value.
HttpResponse object_response(const Snapshot& snapshot, const nlohmann::ordered_json& data);

/// The stored analysis of the snapshot; throws RequestError(503) "not computed yet" when there is none.
const AnalysisView& require_analysis(const Snapshot& snapshot);
/// require_analysis, but a request already known to be invalid (`query` has failures or unknown parameters)
/// answers 400 first: the 503 is only for requests that analytics would answer.
const AnalysisView& require_analysis(const Snapshot& snapshot, QueryReader& query);

/// A page of JSON items as a list response (the envelope, links and Link header of every list); the string
/// field `id_field` of each item identifies it for cursors (null: offset paging only).
HttpResponse json_list_response(const RequestContext& context, const std::vector<const nlohmann::ordered_json*>& items,
                                const PageRequest& page, const char* id_field);

/// The same, from JSON items held by value.
HttpResponse json_list_response(const RequestContext& context, const std::vector<nlohmann::ordered_json>& items,
                                const PageRequest& page, const char* id_field);

/// The position of the hospital the path's {id} names. An id that is a known CCN without its leading zeros
/// ("50137") throws MovedPermanently to the same URL with the canonical id ("050137"); an unknown one throws
/// RequestError(404), suggesting up to five hospitals whose name contains it when it reads as a name.
std::size_t requested_hospital(const RequestContext& context);

/// The pre-rendered hospital JSON, with `distance_km` and `measure_value` appended when given.
void append_hospital(std::string& out, const Snapshot& snapshot, std::size_t index, std::optional<double> distance_km,
                     std::optional<double> measure_value = std::nullopt);

}  // namespace hci::server
