// `hci serve`: the REST API and documentation over HTTP, answered from an in-memory snapshot.

#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <thread>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "server/api.hpp"
#include "server/http_server.hpp"
#include "server/json_log.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

// How often the server re-reads the API keys, so `hci apikey revoke` takes effect within this time.
constexpr auto kKeyRefreshInterval = std::chrono::seconds(2);

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  bool public_read = false;
  bool public_export = false;
  std::string rate_limit = "off";
  std::vector<std::string> cors_origins;
  std::string docs_dir = "web/node_modules/swagger-ui-dist";
  std::string web_dir = "web/dist";
  bool quiet = false;
  std::size_t cache_mb = 64;
  int watch_seconds = 10;
};

// "N/s" -> N; "off" -> 0.
double parse_rate_limit(const std::string& text) {
  if (text == "off") return 0;
  const auto slash = text.find("/s");
  double rate = 0;
  try {
    rate = std::stod(text.substr(0, slash));
  } catch (const std::exception&) {
    rate = 0;
  }
  if (slash == std::string::npos || slash + 2 != text.size() || rate <= 0) {
    throw Error(ErrorCode::invalid_input, "--rate-limit '" + text + "' must be N/s (e.g. 100/s) or off");
  }
  return rate;
}

// Re-reads the keys every interval, and every `watch` reloads the snapshot when the store's change marker
// moved (a pipeline published a version, analysis or models landed), until told to stop. Polling lets any
// number of replicas follow one database with no list of servers to notify, and a missed poll only delays.
class StoreWatcher {
 public:
  StoreWatcher(server::Api& api, std::chrono::seconds watch)
      : thread_([this, &api, watch] {
          std::unique_lock lock(mutex_);
          auto next_check = std::chrono::steady_clock::now() + watch;
          while (!wake_.wait_for(lock, kKeyRefreshInterval, [this] { return stop_; })) {
            try {
              api.refresh_keys();
            } catch (const std::exception&) {
              // The previous keys stay; the Api logged the outage once and reports it on /ready.
            }
            if (watch.count() == 0 || std::chrono::steady_clock::now() < next_check) continue;
            next_check = std::chrono::steady_clock::now() + watch;
            try {
              if (api.reload_if_changed()) spdlog::info(R"("msg":"store changed; snapshot reloaded")");
            } catch (const std::exception& error) {
              spdlog::warn(R"("msg":"the new version could not be loaded; serving the previous snapshot","error":{})",
                           server::json_quote(error.what()));
            }
          }
        }) {}
  ~StoreWatcher() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

int run_serve(const GlobalOptions& global, const ServeOptions& options) {
  server::ApiOptions api_options;
  api_options.public_read = options.public_read;
  api_options.public_export = options.public_export;
  api_options.rate_limit_per_second = parse_rate_limit(options.rate_limit);
  api_options.cors_origins = options.cors_origins;
  api_options.docs_dir = options.docs_dir;
  api_options.web_dir = options.web_dir;
  api_options.access_log = !options.quiet;
  api_options.cache_bytes = options.cache_mb << 20;
  // Every probe opens the database afresh and never creates it: a missing file is an outage to report.
  auto open_existing = [db = global.db] { return store::open_store(db, store::OpenMode::must_exist); };
  server::DataSource source{[open_existing] { return server::Snapshot::load(*open_existing()); },
                            [open_existing] { return server::StoreCatalog::load(*open_existing()); },
                            [open_existing] { return open_existing()->list_api_keys(); },
                            [open_existing] { return open_existing()->change_marker(); },
                            [open_existing] { return open_existing()->catalog_marker(); }};
  server::Api api(api_options, source);
  api.start();
  const auto snapshot = api.snapshot();
  server::use_json_log_lines();
  server::ListenerOptions listener;
  listener.host = options.host;
  listener.port = static_cast<unsigned short>(options.port);
  listener.threads = options.threads;
  server::HttpServer http(api, listener, [&api] { api.reload(); });
  std::printf("hci serve: dataset %s (%zu hospitals, loaded in %.2f s) on http://%s:%u  dashboard: /  docs: /docs\n",
              snapshot->dataset().version.substr(0, 12).c_str(), snapshot->hospitals().size(),
              snapshot->load_time().count(), options.host.c_str(), http.port());
  std::fflush(stdout);
  StoreWatcher watcher(api, std::chrono::seconds(options.watch_seconds));
  http.run();
  std::printf("hci serve: stopped after draining in-flight requests\n");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  static ServeOptions options;
  auto* serve = app.add_subcommand("serve", "Serve the REST API, /docs and /metrics from the current dataset");
  serve->add_option("--host", options.host, "address to listen on")->capture_default_str();
  serve->add_option("--port", options.port, "TCP port")->check(CLI::Range(0, 65535))->capture_default_str();
  serve->add_option("--threads", options.threads, "worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  serve->add_flag("--public-read", options.public_read, "let anonymous callers use read routes");
  serve->add_flag("--public-export", options.public_export,
                  "let anonymous callers use the export route too (the dashboard's XLSX download)");
  serve->add_option("--rate-limit", options.rate_limit, "N/s per key or client address (burst 2N), or off")
      ->capture_default_str();
  serve->add_option("--cors-origin", options.cors_origins, "origin allowed to call from a browser (repeatable)");
  serve->add_option("--docs-dir", options.docs_dir, "swagger-ui-dist folder for /docs")->capture_default_str();
  serve
      ->add_option("--watch", options.watch_seconds,
                   "seconds between checks of the store for a newly published version (0 = never)")
      ->check(CLI::Range(0, 86400))
      ->capture_default_str();
  serve->add_option("--web-dir", options.web_dir, "the built dashboard (make web) served at /")->capture_default_str();
  serve->add_flag("--quiet", options.quiet, "no access log line per request");
  serve->add_option("--cache-mb", options.cache_mb, "MiB of finished read responses kept per snapshot (0 = off)")
      ->capture_default_str();
  serve->callback([&] { action = [&global] { return run_serve(global, options); }; });
}

}  // namespace hci::cli
