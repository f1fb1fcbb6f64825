#pragma once
// The OpenAPI 3.1 document: small builders each route uses to describe itself, and the assembly of
// the whole document from the route table, so the documentation cannot drift from the routes.

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/query_parameter.hpp"

namespace hci::server {

class Router;
using Json = nlohmann::ordered_json;

/// The OpenAPI parameter object of a declared query parameter: its schema follows its type and range.
Json describe(const QueryParameter& parameter);
/// The parameter objects of several groups of declared query parameters, in order.
std::vector<Json> describe(std::initializer_list<std::span<const QueryParameter>> groups);
/// A path parameter ({name} in the pattern).
Json path_parameter(std::string_view name, std::string_view description);
/// A reference to a schema under components/schemas.
Json schema_ref(std::string_view name);
/// An array of a component schema.
Json array_of(std::string_view name);
/// A list envelope of a component schema.
Json list_of(std::string_view name);
/// An object envelope {data, meta} around `data_schema`.
Json object_of(Json data_schema);

/// An operation object: tag, summary, parameters, the 200 body schema and the problem statuses it may give.
Json operation(std::string_view tag, std::string_view summary, std::vector<Json> parameters, Json response_schema,
               std::initializer_list<int> error_statuses);

/// `operation` with its 200 body under `content_type` (text/plain, text/html...) instead of application/json.
Json with_content_type(Json operation, std::string_view content_type);
/// `operation` (a route by hospital id) with the 301 it answers for a CCN without its leading zeros.
Json with_ccn_redirect(Json operation);

/// The whole document for the routes of `router`.
Json openapi_document(const Router& router, std::string_view version);

}  // namespace hci::server
