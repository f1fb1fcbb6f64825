#pragma once
// The OpenAPI 3.1 document: small builders each route uses to describe itself, and the assembly of
// the whole document from the route table, so the documentation cannot drift from the routes.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hci::server {

class Router;
using Json = nlohmann::ordered_json;

/// A query parameter with its schema; `required` parameters make the route fail with 400 without them.
Json query_parameter(std::string_view name, Json schema, std::string_view description, bool required = false);
/// A path parameter ({name} in the pattern).
Json path_parameter(std::string_view name, std::string_view description);
/// Schemas for parameters.
Json string_schema();
Json boolean_schema();
Json integer_schema(std::int64_t minimum, std::int64_t maximum);
Json number_schema(double minimum, double maximum);
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

/// limit, offset and cursor.
std::vector<Json> page_parameters();
/// The hospital filters shared by the list and the export.
std::vector<Json> hospital_filter_parameters();

/// The whole document for the routes of `router`.
Json openapi_document(const Router& router, std::string_view version);

}  // namespace hci::server
