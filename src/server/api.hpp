#pragma once
// The API: turns an HttpRequest into an HttpResponse. Owns the route table, the current snapshot
// and keys, authentication, rate limiting, caching headers, compression, metrics and the access log.
// Independent of the HTTP library, so tests can call it directly and the listener stays thin.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/api_keys.hpp"
#include "server/database_health.hpp"
#include "server/http_message.hpp"
#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/response_cache.hpp"
#include "server/router.hpp"
#include "server/shared_slot.hpp"
#include "server/snapshot.hpp"
#include "server/static_files.hpp"
#include "server/store_catalog.hpp"

namespace hci::server {

/// How the API behaves; set from `hci serve` flags.
struct ApiOptions {
  bool public_read = false;               // anonymous callers may use read routes
  bool public_export = false;             // anonymous callers may use the export route
  double rate_limit_per_second = 0;       // per key or client address; 0 = off
  std::vector<std::string> cors_origins;  // origins allowed to call from a browser
  std::filesystem::path docs_dir;         // swagger-ui-dist files for /docs; empty = not installed
  std::filesystem::path web_dir;          // the built dashboard (web/dist) for /; empty = not built
  bool access_log = true;                 // one JSON line per request on stdout
  std::size_t cache_bytes = 64u << 20;    // finished read responses kept per snapshot; 0 = no cache
};

/// Where the API gets its data: a fresh snapshot, the store's catalogue, and the current API keys; and
/// the two markers that say when the first two changed (either may be empty: no watching).
struct DataSource {
  std::function<std::shared_ptr<const Snapshot>()> load_snapshot;
  std::function<std::shared_ptr<const StoreCatalog>()> load_catalog;
  std::function<std::vector<ApiKeyRecord>()> load_keys;
  std::function<std::string()> change_marker;   // Store::change_marker()
  std::function<std::string()> catalog_marker;  // Store::catalog_marker()
};

/// Answers requests. handle() is thread-safe; reload() and refresh_keys() may run while requests
/// flow: each request keeps the snapshot it started with until its response is sent.
class Api {
 public:
  Api(ApiOptions options, DataSource source);

  /// Loads the first snapshot and the keys; throws hci::Error when the store has no dataset.
  void start();
  /// Answers one request; never throws.
  HttpResponse handle(const HttpRequest& request);
  /// Loads a new snapshot and catalogue and swaps them in atomically. On failure the old ones stay and this
  /// throws.
  void reload();
  /// Re-reads the API keys, so a revoked key stops working. When the store cannot be reached the
  /// previous keys stay, the outage is recorded for /ready and /metrics, and this throws.
  void refresh_keys();
  /// Reloads the snapshot when the store's change marker differs from the one seen at its last load (a
  /// version was published, new analysis or models landed), and only the catalogue when just the catalog
  /// marker differs (a version was staged or pruned, a pipeline run moved on); true when it reloaded the
  /// snapshot. An unreachable store is recorded and answers false; a reload that fails throws and keeps the
  /// old views.
  bool reload_if_changed();
  /// The OpenAPI document of every route (needs no data: `hci openapi` prints it).
  nlohmann::ordered_json openapi() const;
  /// The snapshot being served (null before start()).
  std::shared_ptr<const Snapshot> snapshot() const { return snapshot_.load(); }
  /// The catalogue being served (null before start()).
  std::shared_ptr<const StoreCatalog> catalog() const { return catalog_.load(); }

 private:
  void add_operational_routes();
  HttpResponse dispatch(const HttpRequest& request, std::string& route_pattern);
  HttpResponse call_route(const HttpRequest& request, const Router::Match& match, const std::string& path);
  HttpResponse render(const HttpRequest& request, const Router::Match& match, std::shared_ptr<const Snapshot> snapshot,
                      std::shared_ptr<const StoreCatalog> catalog, bool gzip) const;
  Principal authorize(const HttpRequest& request, Scope scope);
  void apply_rate_limit(const HttpRequest& request, const Principal& principal, HttpResponse& headers_out);
  HttpResponse answer(const HttpRequest& request, const std::string& request_id, std::string& route_pattern);
  void record(const HttpRequest& request, const HttpResponse& response, const std::string& request_id,
              const std::string& route_pattern, std::chrono::steady_clock::time_point started);
  void add_static_routes();
  std::string snapshot_metrics() const;
  template <typename Read>
  auto from_store(Read read);

  ApiOptions options_;
  DataSource source_;
  Router router_;
  std::string openapi_text_;  // openapi().dump(), built once the routes are in: /openapi.json serves it
  RateLimiter rate_limiter_;
  Metrics metrics_;
  ResponseCache cache_;
  StaticFiles docs_;
  StaticFiles dashboard_;
  void reload_catalog();

  SharedSlot<Snapshot> snapshot_;
  SharedSlot<StoreCatalog> catalog_;
  SharedSlot<KeyRing> keys_;
  std::atomic<long> reloads_{0};
  DatabaseHealth database_;
  std::mutex marker_mutex_;
  std::string marker_;  // the change marker read before the current snapshot was loaded
};

}  // namespace hci::server
