#include "server/openapi.hpp"

#include "server/router.hpp"

namespace hci::server {

namespace {

Json nullable(std::string_view type) { return {{"type", Json::array({type, "null"})}}; }

Json measure_group_schema() {
  return {{"type", "object"},
          {"properties",
           {{"measures", nullable("integer")},
            {"facility_measures", nullable("integer")},
            {"better", nullable("integer")},
            {"no_different", nullable("integer")},
            {"worse", nullable("integer")},
            {"footnote", {{"type", "string"}}}}}};
}

Json hospital_schema() {
  Json group = schema_ref("MeasureGroup");
  return {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "string"}, {"description", "CMS Certification Number (Facility ID)"}}},
        {"name", {{"type", "string"}}},
        {"address", {{"type", "string"}}},
        {"city", {{"type", "string"}}},
        {"state", {{"type", "string"}, {"description", "USPS code"}}},
        {"zip", {{"type", "string"}, {"description", "5 digits"}}},
        {"county", {{"type", "string"}}},
        {"county_fips", nullable("string")},
        {"phone", {{"type", "string"}}},
        {"type", {{"type", "string"}}},
        {"ownership", {{"type", "string"}}},
        {"emergency_services", {{"type", "boolean"}}},
        {"birthing_friendly", {{"type", "boolean"}}},
        {"rating", {{"type", Json::array({"integer", "null"})}, {"description", "1-5; null when CMS did not rate"}}},
        {"rating_footnote", {{"type", "string"}, {"description", "why CMS did not rate, when it did not"}}},
        {"rating_breakdown",
         {{"type", "object"},
          {"properties",
           {{"mortality", group},
            {"safety", group},
            {"readmission", group},
            {"patient_experience", group},
            {"timely_effective", group}}}}},
        {"latitude", nullable("number")},
        {"longitude", nullable("number")},
        {"beds", {{"type", Json::array({"integer", "null"})}, {"description", "from HIFLD; null when unknown"}}},
        {"hifld_id", nullable("string")},
        {"distance_km", {{"type", "number"}, {"description", "only when the query gave a point"}}}}}};
}

Json problem_schema() {
  return {{"type", "object"},
          {"description", "RFC 9457 problem details"},
          {"properties",
           {{"type", {{"type", "string"}}},
            {"title", {{"type", "string"}}},
            {"status", {{"type", "integer"}}},
            {"detail", {{"type", "string"}}},
            {"instance", {{"type", "string"}}},
            {"errors",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"name", {{"type", "string"}}},
                  {"value", {{"type", "string"}}},
                  {"problem", {{"type", "string"}}}}}}}}}}}};
}

Json open_object(std::string_view description) {
  return {{"type", "object"}, {"description", description}, {"additionalProperties", true}};
}

Json components() {
  return {
      {"schemas",
       {{"Hospital", hospital_schema()},
        {"MeasureGroup", measure_group_schema()},
        {"HospitalDetail",
         {{"type", "object"},
          {"properties",
           {{"hospital", schema_ref("Hospital")},
            {"state_context", schema_ref("State")},
            {"nearest", array_of("Hospital")},
            {"measure_groups",
             open_object("{group: {measures, with_value, median_better_percentile}}: per measure group, the "
                         "measures reported, those with a value, and the median percentile with higher better")},
            {"medicare_inpatient",
             open_object("{year, discharges, total_payment, medicare_payment, medicare_payment_per_discharge, "
                         "beneficiaries, average_risk_score}, or null")}}}}},
        {"Measure", open_object("id (CMS's where CMS has one), name, group (readmission, mortality, safety, "
                                "patient_experience, value_based_purchasing, spending, payment), direction "
                                "(lower_is_better, higher_is_better, neutral), unit, period {start, end, "
                                "fiscal_year (the payment program's year)}, source, national (as CMS "
                                "publishes it, else null), hospitals_with_value")},
        {"MeasureDetail", open_object("Measure plus distribution {n, mean, min, p10, p25, median, p75, p90, max}, "
                                      "missing {reason: hospitals}, national and national_basis (published by "
                                      "CMS, or the median of hospitals), states [{state, n, median, mean}]")},
        {"MeasureHospital", open_object("facility_id, name, city, state, type, value, denominator, footnote, "
                                        "percentile (0-100 among hospitals with a value)")},
        {"HospitalMeasures",
         open_object(
             "facility_id, name, state, groups {group: {measures, with_value, median_better_percentile}}, "
             "medicare_inpatient {year, discharges, total_payment, medicare_payment, "
             "medicare_payment_per_discharge, beneficiaries, average_risk_score} or null, measures "
             "[{measure_id, name, group, unit, direction, value, missing_reason, footnote, footnote_text, "
             "denominator, period {start, end, fiscal_year}, national, national_basis, state, state_basis, comparison, "
             "percentile}]")},
        {"Comparison",
         {{"type", "object"},
          {"properties",
           {{"hospitals", array_of("Hospital")},
            {"measures",
             {{"type", "array"},
              {"items", open_object("measure_id, name, group, unit, direction, values: one per hospital in the "
                                    "order asked, a HospitalMeasures measure entry or null when it has no row")}}}}}}},
        {"RatingPrediction",
         open_object("prediction (stars, unrounded), rating_estimate (1-5), model_version, cv_metrics, imputed "
                     "(inputs the request lacked), imputation, explanation {base_value, inputs [{input, group, "
                     "value, contribution}] (the 10 largest XGBoost contributions, in stars), others, by_group}: "
                     "base_value + every contribution = prediction")},
        {"State", open_object("code, name, kind, hospital_count, rated_count, mean_rating, "
                              "emergency_services_count, population, hospitals_per_100k, ranks")},
        {"StateDetail", open_object("State plus indicators: {name: {unit, source, values: [{year, value}]}}, and "
                                    "once analytics are computed, profile: {hospital_statistics, metrics: "
                                    "{name: {value, rank, of, tied}}}")},
        {"CorrelationMatrix", open_object("level, method, variables [{name, label, unit}], square arrays r, n, p, "
                                          "p_adjusted (Benjamini-Hochberg), ci_low, ci_high; null on the diagonal")},
        {"CorrelationPair", open_object("x, y (metric descriptions), points [{key, name, x, y}], pearson {r, "
                                        "p_value, ci_95, n}, spearman {rho, p_value, n}, fit {slope, intercept}")},
        {"Insight", open_object("id, category (hospital, cost, demographic, quality, access), sentence, "
                                "evidence {test, statistic, p_value, n, ...}")},
        {"Access", open_object("method, thresholds_km, national, states [{state, zips, median_km, "
                               "share_farther_than_30km, share_farther_than_60km, farthest}], care_deserts")},
        {"MetricTable", open_object("level, rows [{key, name, state}], metrics [{name, label, description, unit, "
                                    "source, direction, values}]")},
        {"Ranking", open_object("metric, label, unit, order, areas_with_value, ties, data [{rank, tied, key, "
                                "name, value}]")},
        {"County", open_object("fips, name, state, urban_rural_code, population, hospital_count, "
                               "hospitals_per_100k, life_expectancy")},
        {"CountyProfile", open_object("County plus hospital_ids and measures [{name, label, unit, direction, value, "
                                      "ci_95, state_value, national_value, national_benchmark, rank_in_state}]")},
        {"DashboardSummary", open_object("headline figures, top-10 states, counts by type and ownership, "
                                         "rating distribution")},
        {"Dataset", open_object("version, created_at, is_current, hospital_count, sources, summary")},
        {"Source", open_object("dataset_version, retrieved_at, sources: [{name, agency, dataset, release}]")},
        {"Problem", problem_schema()}}},
      {"securitySchemes",
       {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
        {"api_key", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-API-Key"}}}}}};
}

// "/api/v1/hospitals/{id}" is already OpenAPI's path template syntax.
std::string method_key(std::string_view method) {
  std::string key(method);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

}  // namespace

Json describe(const QueryParameter& parameter) {
  Json schema;
  switch (parameter.type) {
    case ParameterType::text: schema = {{"type", "string"}, {"maxLength", parameter.max_length}}; break;
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
          {"properties",
           {{"data", array_of(name)},
            {"meta",
             {{"type", "object"},
              {"properties",
               {{"total", {{"type", "integer"}}},
                {"limit", {{"type", "integer"}}},
                {"offset", {{"type", "integer"}}},
                {"returned", {{"type", "integer"}}},
                {"dataset_version", {{"type", "string"}}},
                {"source", schema_ref("Source")}}}}},
            {"links", open_object("self, next, next_cursor, prev")}}}};
}

Json object_of(Json data_schema) {
  return {{"type", "object"},
          {"properties",
           {{"data", std::move(data_schema)},
            {"meta",
             {{"type", "object"},
              {"properties", {{"dataset_version", {{"type", "string"}}}, {"source", schema_ref("Source")}}}}}}}};
}

Json operation(std::string_view tag, std::string_view summary, std::vector<Json> parameters, Json response_schema,
               std::initializer_list<int> error_statuses) {
  Json responses = {
      {"200", {{"description", "OK"}, {"content", {{"application/json", {{"schema", response_schema}}}}}}}};
  for (int status : error_statuses) {
    responses[std::to_string(status)] = {
        {"description", "problem"}, {"content", {{"application/problem+json", {{"schema", schema_ref("Problem")}}}}}};
  }
  return {{"tags", Json::array({tag})}, {"summary", summary}, {"parameters", parameters}, {"responses", responses}};
}

Json with_ccn_redirect(Json operation) {
  operation["responses"]["301"] = {
      {"description", "the id is a CCN without its leading zeros (50137): Location is the canonical URL (050137)"},
      {"headers",
       {{"Location", {{"description", "the URL with the canonical id"}, {"schema", {{"type", "string"}}}}}}}};
  return operation;
}

Json openapi_document(const Router& router, std::string_view version) {
  Json paths = Json::object();
  for (const auto& route : router.routes()) {
    Json operation = route.openapi;
    if (route.scope != Scope::none) {
      operation["security"] = Json::array({{{"bearer", Json::array()}}, {{"api_key", Json::array()}}});
      operation["x-scope"] = scope_name(route.scope);
      operation["responses"]["401"] = {{"description", "missing or unknown API key"}};
      operation["responses"]["403"] = {{"description", "the key lacks the scope"}};
      operation["responses"]["429"] = {{"description", "rate limit exceeded; see Retry-After"}};
    }
    paths[route.pattern][method_key(route.method)] = operation;
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "US Healthcare Insights API"},
            {"version", version},
            {"description",
             "Hospitals (CMS Care Compare), state indicators and County Health Rankings, served "
             "from an in-memory snapshot of a dataset version. Errors are RFC 9457 "
             "problem+json with a field-level errors list."}}},
          {"paths", paths},
          {"components", components()}};
}

}  // namespace hci::server
