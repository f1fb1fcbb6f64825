#include "server/api.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "server/data_metrics.hpp"
#include "server/docs_page.hpp"
#include "server/gzip.hpp"
#include "server/json_log.hpp"
#include "server/moved_permanently.hpp"
#include "server/openapi.hpp"
#include "server/problem.hpp"
#include "server/query_params.hpp"
#include "server/representation.hpp"
#include "server/request_id.hpp"
#include "server/response_policy.hpp"
#include "server/routes/data_routes.hpp"

namespace hci::server {

namespace {

// 301 to `location`, which the body repeats for clients that do not follow redirects.
HttpResponse moved_response(const std::string& location) {
  HttpResponse response;
  response.status = 301;
  response.body = nlohmann::json{{"location", location}}.dump();
  response.set_header("Location", location);
  return response;
}

constexpr std::string_view kApiVersion = "1.0.0";

std::string presented_key(const HttpRequest& request) {
  const std::string& authorization = request.header("authorization");
  if (authorization.rfind("Bearer ", 0) == 0) return authorization.substr(7);
  return request.header("x-api-key");
}

}  // namespace

Api::Api(ApiOptions options, DataSource source)
    : options_(std::move(options)),
      source_(std::move(source)),
      rate_limiter_(options_.rate_limit_per_second),
      cache_(options_.cache_bytes),
      docs_(options_.docs_dir, [](std::string_view) { return "public, max-age=3600"; }),
      dashboard_(options_.web_dir, [](std::string_view path) {
        // Vite names assets by content hash: they never change; index.html must be revalidated.
        return path.starts_with("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      }) {
  add_data_routes(router_);
  add_operational_routes();
  add_static_routes();
  openapi_text_ = openapi().dump();
}

// Runs one read of the store and records whether the store answered.
template <typename Read>
auto Api::from_store(Read read) {
  try {
    auto result = read();
    database_.record_success();
    return result;
  } catch (const std::exception& error) {
    database_.record_failure(error.what());
    throw;
  }
}

void Api::start() {
  refresh_keys();
  marker_ = source_.change_marker ? source_.change_marker() : "";
  snapshot_.store(source_.load_snapshot());
  catalog_.store(source_.load_catalog());
}

void Api::reload() {
  std::string marker = source_.change_marker ? from_store(source_.change_marker) : "";
  auto fresh = from_store(source_.load_snapshot);
  auto catalog = from_store(source_.load_catalog);
  {
    std::lock_guard lock(marker_mutex_);
    marker_ = std::move(marker);
  }
  snapshot_.store(std::move(fresh));
  catalog_.store(std::move(catalog));
  cache_.clear();
  refresh_keys();
  ++reloads_;
}

void Api::reload_catalog() {
  catalog_.store(from_store(source_.load_catalog));
  cache_.clear();
}

bool Api::reload_if_changed() {
  std::string marker, catalog_marker;
  try {
    if (source_.change_marker) marker = from_store(source_.change_marker);
    if (source_.catalog_marker) catalog_marker = from_store(source_.catalog_marker);
  } catch (const std::exception&) {
    return false;  // recorded in database_; the loaded views keep answering
  }
  bool data_changed = false;
  if (source_.change_marker) {
    std::lock_guard lock(marker_mutex_);
    data_changed = marker != marker_;
  }
  if (data_changed) {
    reload();
    return true;
  }
  const auto catalog = catalog_.load();
  if (source_.catalog_marker && (!catalog || catalog->marker() != catalog_marker)) reload_catalog();
  return false;
}

nlohmann::ordered_json Api::openapi() const { return openapi_document(router_, kApiVersion); }

void Api::refresh_keys() { keys_.store(std::make_shared<const KeyRing>(from_store(source_.load_keys))); }

void Api::add_operational_routes() {
  auto text = [](std::string body, std::string type) {
    HttpResponse response;
    response.body = std::move(body);
    response.content_type = std::move(type);
    return response;
  };
  router_.add({"GET", "/health", Scope::none,
               [text](const RequestContext&) { return text(R"({"status":"ok"})", "application/json"); },
               operation("operations", "Liveness: the process answers", {}, schema_ref("Health"), {})});
  router_.add({"GET", "/ready", Scope::none,
               [this, text](const RequestContext&) {
                 auto snapshot = snapshot_.load();
                 if (!snapshot) throw RequestError(503, ErrorCode::unavailable, "no snapshot loaded yet");
                 return text(Json{{"status", "ready"},
                                  {"dataset_version", snapshot->dataset().version},
                                  {"hospitals", snapshot->hospitals().size()},
                                  {"load_seconds", snapshot->load_time().count()},
                                  {"database", database_.to_json()}}
                                 .dump(),
                             "application/json");
               },
               operation("operations",
                         "Readiness: a snapshot is loaded and answers reads (also while the database is away: "
                         "`database.state` says whether the server can reach it)",
                         {}, schema_ref("Readiness"), {503})});
  router_.add({"GET", "/metrics", Scope::none,
               [this, text](const RequestContext&) {
                 return text(metrics_.render(snapshot_metrics() + process_metrics()), "text/plain; version=0.0.4");
               },
               with_content_type(operation("operations", "Prometheus metrics", {}, Json{{"type", "string"}}, {}),
                                 "text/plain")});
  router_.add({"GET", "/openapi.json", Scope::none,
               [this, text](const RequestContext&) { return text(openapi_text_, "application/json"); },
               operation("operations", "This document (OpenAPI 3.1)", {}, Json{{"type", "object"}}, {})});
  router_.add(
      {"GET", "/docs", Scope::none,
       [text](const RequestContext&) { return text(std::string(docs_page_html()), "text/html; charset=utf-8"); },
       with_content_type(
           operation("operations", "Interactive documentation (Swagger UI)", {}, Json{{"type", "string"}}, {404}),
           "text/html")});
  router_.add(
      {"POST", "/api/v1/admin/reload", Scope::admin,
       [this, text](const RequestContext& context) {
         QueryReader(context.request.query).finish();
         reload();
         return text(Json{{"status", "reloaded"}, {"dataset_version", snapshot_.load()->dataset().version}}.dump(),
                     "application/json");
       },
       operation("admin", "Load the current dataset version and swap it in", {}, schema_ref("Reloaded"), {503})});
}

std::string Api::snapshot_metrics() const {
  auto snapshot = snapshot_.load();
  if (!snapshot) return "";
  return "# TYPE hci_snapshot_info gauge\nhci_snapshot_info{dataset_version=\"" + snapshot->dataset().version +
         "\"} 1\n# TYPE hci_snapshot_load_seconds gauge\nhci_snapshot_load_seconds " +
         std::to_string(snapshot->load_time().count()) +
         "\n# TYPE hci_snapshot_hospitals gauge\nhci_snapshot_hospitals " +
         std::to_string(snapshot->hospitals().size()) +
         "\n# TYPE hci_snapshot_reloads_total counter\nhci_snapshot_reloads_total " + std::to_string(reloads_.load()) +
         "\n" + data_metrics(*snapshot, *catalog_.load()) + database_.metrics();
}

void Api::add_static_routes() {
  auto serve = [](const StaticFiles& files, std::string what) {
    return [&files, what](const RequestContext& context) {
      const std::string relative = context.path_values.empty() ? "index.html" : what + context.path_values.back();
      auto response = files.respond(relative, accepts_gzip(context.request.header("accept-encoding")));
      if (!response) {
        throw RequestError(
            404, ErrorCode::not_found,
            files.empty() ? "the web assets are not built or installed: run 'make web'" : "no file '" + relative + "'");
      }
      return *response;
    };
  };
  router_.add({"GET", "/", Scope::none, serve(dashboard_, ""),
               with_content_type(operation("operations", "The dashboard (web/dist, built by make web)", {},
                                           Json{{"type", "string"}}, {404}),
                                 "text/html")});
  router_.add({"GET", "/assets/{file}", Scope::none, serve(dashboard_, "assets/"),
               with_content_type(operation("operations", "Dashboard assets (content-hashed, cached for a year)",
                                           {path_parameter("file", "asset name")}, Json{{"type", "string"}}, {404}),
                                 "*/*")});
  router_.add({"GET", "/docs/{file}", Scope::none, serve(docs_, ""),
               with_content_type(operation("operations", "Swagger UI assets", {path_parameter("file", "asset name")},
                                           Json{{"type", "string"}}, {404}),
                                 "*/*")});
}

Principal Api::authorize(const HttpRequest& request, Scope scope) {
  if (scope == Scope::none) return {};
  const std::string key = presented_key(request);
  if (key.empty()) {
    if (scope == Scope::read && options_.public_read) return Principal{"", scope_bit(Scope::read)};
    if (scope == Scope::export_data && options_.public_export) return Principal{"", scope_bit(Scope::export_data)};
    throw RequestError(401, ErrorCode::unauthorized,
                       "this route needs an API key (Authorization: Bearer <key> or X-API-Key)");
  }
  auto principal = keys_.load()->authenticate(key);
  if (!principal) throw RequestError(401, ErrorCode::unauthorized, "the API key is not valid or was revoked");
  if (!(principal->scopes & scope_bit(scope))) {
    throw RequestError(403, ErrorCode::forbidden,
                       "the key '" + principal->name + "' lacks the '" + std::string(scope_name(scope)) + "' scope");
  }
  return *principal;
}

void Api::apply_rate_limit(const HttpRequest& request, const Principal& principal, HttpResponse& response) {
  if (!rate_limiter_.enabled()) return;
  const std::string caller = principal.name.empty() ? "address:" + request.client_address : "key:" + principal.name;
  const RateDecision decision = rate_limiter_.take(caller);
  response.set_header("RateLimit-Limit", std::to_string(decision.limit));
  response.set_header("RateLimit-Remaining", std::to_string(decision.remaining));
  if (decision.allowed) return;
  const auto retry = static_cast<long>(std::ceil(decision.retry_after_seconds));
  response.set_header("Retry-After", std::to_string(retry));
  response.set_header("RateLimit-Reset", std::to_string(retry));
  throw RequestError(429, ErrorCode::rate_limited,
                     "rate limit of " + std::to_string(decision.limit / 2) + " requests per second exceeded");
}

HttpResponse Api::render(const HttpRequest& request, const Router::Match& match,
                         std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const StoreCatalog> catalog,
                         bool gzip) const {
  const std::string version = snapshot ? snapshot->dataset().version : "";
  const std::string catalog_marker = catalog ? catalog->marker() : "";
  HttpResponse response =
      match.route->handler(RequestContext{request, match.values, std::move(snapshot), std::move(catalog)});
  const bool representable = match.route->scope != Scope::none && response.status == 200 && !response.stream;
  if (representable) represent(response, request, version, catalog_marker, gzip);
  return response;
}

HttpResponse Api::call_route(const HttpRequest& request, const Router::Match& match, const std::string& path) {
  HttpResponse limit_headers;
  auto with_limit_headers = [&limit_headers](HttpResponse response) {
    for (auto& header : limit_headers.headers) response.headers.push_back(std::move(header));
    return response;
  };
  try {
    const Principal principal = authorize(request, match.route->scope);
    if (match.route->scope != Scope::none) apply_rate_limit(request, principal, limit_headers);
    auto snapshot = snapshot_.load();
    auto catalog = catalog_.load();
    if (match.route->scope != Scope::none && (!snapshot || !catalog)) {
      throw RequestError(503, ErrorCode::unavailable, "no snapshot loaded yet");
    }
    const bool gzip = accepts_gzip(request.header("accept-encoding"));
    const bool cacheable = match.route->scope == Scope::read && cache_.enabled();
    const std::string key = cacheable ? snapshot->dataset().version + " " + catalog->marker() + (gzip ? " gz " : " ") +
                                            request.path + "?" + request.query
                                      : "";
    auto cached = cacheable ? cache_.find(key) : nullptr;
    HttpResponse response = cached ? *cached : render(request, match, std::move(snapshot), std::move(catalog), gzip);
    if (cacheable && !cached && response.status == 200 && !response.stream) {
      response.shared_body = std::make_shared<const std::string>(std::move(response.body));
      response.body.clear();
      cache_.insert(key, std::make_shared<const HttpResponse>(response));
    }
    return with_limit_headers(std::move(response));
  } catch (const MovedPermanently& moved) {
    return with_limit_headers(moved_response(moved.location()));
  } catch (const RequestError& error) {
    return with_limit_headers(problem_response(error.status(), error.code(), error.what(), path, error.errors()));
  }
}

HttpResponse Api::dispatch(const HttpRequest& request, std::string& route_pattern) {
  const auto path = percent_decode(request.path, false);
  if (!path || path->empty() || path->front() != '/' || path->find('\0') != std::string::npos) {
    throw RequestError(400, ErrorCode::invalid_input, "the request path is malformed",
                       {{"path", request.path.substr(0, 80), "malformed percent-encoding or not absolute"}});
  }
  if (request.method == "OPTIONS") return preflight_response();
  const auto match = router_.match(request.method == "HEAD" ? "GET" : request.method, *path);
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allowed;
      for (const auto& method : match.allowed_methods) allowed += (allowed.empty() ? "" : ", ") + method;
      HttpResponse response = problem_response(405, ErrorCode::invalid_input,
                                               request.method + " is not allowed here; use " + allowed, *path);
      response.set_header("Allow", allowed);
      return response;
    }
    return problem_response(404, ErrorCode::not_found, "no route " + *path, *path);
  }
  route_pattern = match.route->pattern;
  return call_route(request, match, *path);
}

// The stages of a request, in order: its id; routing, keys, rate limit, cache and the route itself
// (dispatch); the response policy (security headers, CORS, 304); metrics and the access log.
HttpResponse Api::handle(const HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = request_id_for(request);
  std::string route_pattern = "unmatched";
  HttpResponse response = answer(request, request_id, route_pattern);
  apply_response_policy(request, response, options_.cors_origins);
  response.set_header("X-Request-Id", request_id);
  record(request, response, request_id, route_pattern, started);
  return response;
}

HttpResponse Api::answer(const HttpRequest& request, const std::string& request_id, std::string& route_pattern) {
  try {
    return dispatch(request, route_pattern);
  } catch (const RequestError& error) {
    return problem_response(error.status(), error.code(), error.what(), request.path, error.errors());
  } catch (const Error& error) {
    return problem_response(http_status_of(error.code()), error.code(), error.what(), request.path);
  } catch (const std::exception& error) {
    spdlog::error(R"("msg":"request failed","request_id":"{}","error":{})", request_id, json_quote(error.what()));
    return problem_response(500, ErrorCode::internal, "internal error; request id " + request_id, request.path);
  }
}

void Api::record(const HttpRequest& request, const HttpResponse& response, const std::string& request_id,
                 const std::string& route_pattern, std::chrono::steady_clock::time_point started) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.record(request.method, route_pattern, response.status, seconds);
  if (!options_.access_log) return;
  spdlog::info(
      R"("msg":"request","request_id":"{}","method":{},"route":{},"path":{},"status":{},"duration_ms":{:.3f},"bytes":{})",
      request_id, json_quote(request.method), json_quote(route_pattern), json_quote(request.path), response.status,
      seconds * 1000, response.stream ? -1 : static_cast<long>(response.payload().size()));
}

}  // namespace hci::server
