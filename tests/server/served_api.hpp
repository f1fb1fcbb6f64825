#pragma once
// The real snapshot, ingested once per test binary into a temporary SQLite store, served over
// loopback by a real HttpServer with the options a test needs.

#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/api.hpp"
#include "server/api_keys.hpp"
#include "server/http_server.hpp"
#include "store/store.hpp"
#include "support/http_client.hpp"
#include "support/ingested_store.hpp"

namespace hci::testing {

/// Default options for tests: anonymous reads allowed, no access log, no rate limit.
inline server::ApiOptions test_api_options() {
  server::ApiOptions options;
  options.public_read = true;
  options.access_log = false;
  options.cors_origins = {"https://dashboard.example"};
  options.docs_dir = HCI_SOURCE_DIR "/web/node_modules/swagger-ui-dist";
  options.web_dir = HCI_SOURCE_DIR "/web/dist";
  return options;
}

/// Listener options for tests: an ephemeral port, two threads, a 64 KiB body limit.
inline server::ListenerOptions test_listener_options() {
  server::ListenerOptions listener;
  listener.port = 0;
  listener.threads = 2;
  listener.body_limit = 64 * 1024;
  return listener;
}

/// A running server on an ephemeral loopback port; stops and joins on destruction.
class ServedApi {
 public:
  /// Serves the store at `uri` (by default the binary's shared ingested snapshot).
  explicit ServedApi(server::ApiOptions options = test_api_options(), std::string uri = ingested_store_uri(),
                     const server::ListenerOptions& listener = test_listener_options())
      : uri_(std::move(uri)),
        api_(std::move(options),
             server::DataSource{[this] { return server::Snapshot::load(*store::open_store(uri_)); },
                                [this] { return server::StoreCatalog::load(*store::open_store(uri_)); },
                                [this] { return store::open_store(uri_)->list_api_keys(); },
                                [this] { return store::open_store(uri_)->change_marker(); },
                                [this] { return store::open_store(uri_)->catalog_marker(); }}) {
    api_.start();
    http_ = std::make_unique<server::HttpServer>(api_, listener, [this] { api_.reload(); });
    thread_ = std::thread([this] { http_->run(); });
  }
  ~ServedApi() {
    http_->stop();
    thread_.join();
  }

  unsigned short port() const { return http_->port(); }
  server::Api& api() { return api_; }

  /// Creates a key with these scopes in the store, makes the server see it now, returns the secret.
  std::string create_key(const std::string& name, const std::string& scopes) {
    auto issued = server::issue_api_key(name, server::parse_scopes(scopes));
    store::open_store(uri_)->add_api_key(issued.record);
    api_.refresh_keys();
    return issued.secret;
  }

 private:
  std::string uri_;
  server::Api api_;
  std::unique_ptr<server::HttpServer> http_;
  std::thread thread_;
};

/// A test suite sharing one ServedApi, with a GET helper that checks the status and parses the body.
class ServedApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { served = new ServedApi(); }
  static void TearDownTestSuite() { delete served; }

  /// The parsed body of GET `target`, expecting `expected_status`.
  static nlohmann::json get_json(const std::string& target, int expected_status = 200) {
    auto reply = http_get(served->port(), target);
    EXPECT_EQ(reply.status, expected_status) << target << "\n" << reply.body.substr(0, 400);
    return nlohmann::json::parse(reply.body);
  }

  static inline ServedApi* served = nullptr;
};

}  // namespace hci::testing
