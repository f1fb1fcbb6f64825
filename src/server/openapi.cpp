#include "server/openapi.hpp"

#include <cctype>

#include "server/router.hpp"

namespace hci::server {

/// The text of src/server/openapi_components.json, embedded by cmake/EmbedText.cmake.
std::string_view openapi_components_json();

namespace {

// The schemas and security schemes, written as JSON in openapi_components.json.
Json components() { return Json::parse(openapi_components_json()); }

// "/api/v1/hospitals/{id}" is already OpenAPI's path template syntax.
std::string method_key(std::string_view method) {
  std::string key(method);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

// The operation id from the method and the path: GET /api/v1/hospitals/{id}/measures is
// getHospitalsByIdMeasures, GET / is getIndex. Unique because method and pattern are.
std::string operation_id(std::string_view method, std::string_view pattern) {
  std::string id = method_key(method);
  if (pattern.starts_with("/api/v1")) pattern.remove_prefix(7);
  bool word_start = true;
  for (char c : pattern) {
    if (c == '{') {
      id += "By";
      word_start = true;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      id += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      word_start = false;
    } else {
      word_start = true;
    }
  }
  return pattern == "/" ? id + "Index" : id;
}

Json problem_response(std::string_view description) {
  return {{"description", description},
          {"content", {{"application/problem+json", {{"schema", schema_ref("Problem")}}}}}};
}

// What every route with a scope shares: keys, scopes and rate limits, and a 400 for a query parameter it
// does not know. The routes without a scope are public.
void add_common_responses(Json& operation, Scope scope) {
  if (scope == Scope::none) {
    operation["security"] = Json::array();
    return;
  }
  if (!operation["responses"].contains("400")) {
    operation["responses"]["400"] = problem_response("a query parameter is unknown or invalid");
  }
  operation["security"] = Json::array({{{"bearer", Json::array()}}, {{"api_key", Json::array()}}});
  operation["x-scope"] = scope_name(scope);
  operation["responses"]["401"] = problem_response("missing or unknown API key");
  operation["responses"]["403"] = problem_response("the key lacks the scope");
  operation["responses"]["429"] = problem_response("rate limit exceeded; see Retry-After");
}

}  // namespace

Json describe(const QueryParameter& parameter) {
  Json schema;
  switch (parameter.type) {
    case ParameterType::text: schema = {{"type", "string"}, {"maxLength", parameter.max_length}}; break;
    case ParameterType::identifier:
      schema = {{"type", "string"}, {"maxLength", parameter.max_length}, {"pattern", "^[a-z0-9_]+$"}};
      break;
    case ParameterType::integer:
      schema = {{"type", "integer"},
                {"minimum", static_cast<std::int64_t>(parameter.minimum)},
                {"maximum", static_cast<std::int64_t>(parameter.maximum)}};
      break;
    case ParameterType::number:
      schema = {{"type", "number"}, {"minimum", parameter.minimum}, {"maximum", parameter.maximum}};
      break;
    case ParameterType::boolean: schema = {{"type", "boolean"}}; break;
    case ParameterType::choice: schema = {{"type", "string"}, {"enum", parameter.choices}}; break;
    case ParameterType::list: schema = {{"type", "string"}}; break;
  }
  return {{"name", parameter.name},
          {"in", "query"},
          {"required", parameter.required},
          {"description", parameter.description},
          {"schema", schema}};
}

std::vector<Json> describe(std::initializer_list<std::span<const QueryParameter>> groups) {
  std::vector<Json> described;
  for (const auto& group : groups) {
    for (const auto& parameter : group) described.push_back(describe(parameter));
  }
  return described;
}

Json path_parameter(std::string_view name, std::string_view description) {
  return {{"name", name},
          {"in", "path"},
          {"required", true},
          {"description", description},
          {"schema", {{"type", "string"}}}};
}

Json schema_ref(std::string_view name) { return {{"$ref", "#/components/schemas/" + std::string(name)}}; }
Json array_of(std::string_view name) { return {{"type", "array"}, {"items", schema_ref(name)}}; }

Json list_of(std::string_view name) {
  return {{"type", "object"},
          {"properties", {{"data", array_of(name)}, {"meta", schema_ref("ListMeta")}, {"links", schema_ref("Links")}}},
          {"required", {"data", "meta", "links"}}};
}

Json object_of(Json data_schema) {
  return {{"type", "object"},
          {"properties", {{"data", std::move(data_schema)}, {"meta", schema_ref("ObjectMeta")}}},
          {"required", {"data", "meta"}}};
}

Json operation(std::string_view tag, std::string_view summary, std::vector<Json> parameters, Json response_schema,
               std::initializer_list<int> error_statuses) {
  Json responses = {
      {"200", {{"description", "OK"}, {"content", {{"application/json", {{"schema", response_schema}}}}}}}};
  for (int status : error_statuses) responses[std::to_string(status)] = problem_response("problem");
  return {{"tags", Json::array({tag})}, {"summary", summary}, {"parameters", parameters}, {"responses", responses}};
}

Json with_content_type(Json operation, std::string_view content_type) {
  Json& ok = operation["responses"]["200"];
  ok["content"] = {{content_type, {{"schema", ok["content"]["application/json"]["schema"]}}}};
  return operation;
}

Json with_ccn_redirect(Json operation) {
  operation["responses"]["301"] = {
      {"description", "the id is a CCN without its leading zeros (50137): Location is the canonical URL (050137)"},
      {"headers", {{"Location", {{"description", "the URL with the canonical id"}, {"schema", {{"type", "string"}}}}}}},
      {"content", {{"application/json", {{"schema", schema_ref("Moved")}}}}}};
  return operation;
}

Json openapi_document(const Router& router, std::string_view version) {
  Json paths = Json::object();
  for (const auto& route : router.routes()) {
    Json operation = {{"operationId", operation_id(route.method, route.pattern)}};
    operation.update(route.openapi);
    add_common_responses(operation, route.scope);
    paths[route.pattern][method_key(route.method)] = operation;
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "US Healthcare Insights API"},
            {"version", version},
            {"description",
             "Hospitals (CMS Care Compare), state indicators and County Health Rankings, served "
             "from an in-memory snapshot of a dataset version. Errors are RFC 9457 "
             "problem+json with a field-level errors list."},
            {"license",
             {{"name", "Proprietary code; the data it serves is US government public domain"},
              {"identifier", "LicenseRef-Proprietary"}}}}},
          {"servers", Json::array({{{"url", "http://127.0.0.1:8080"}, {"description", "hci serve (make demo)"}}})},
          {"paths", paths},
          {"components", components()}};
}

}  // namespace hci::server
