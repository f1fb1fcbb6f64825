// What every route shares, over real HTTP: keys and scopes, rate limits, exports, ETags, gzip, CORS,
// request ids, metrics, the OpenAPI document, /docs, and reload under load.

#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

using nlohmann::json;
using testing::http_get;
using testing::http_request;

class ApiConventionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served = new testing::ServedApi();
    read_key = new std::string(served->create_key("conventions-read", "read"));
    export_key = new std::string(served->create_key("conventions-export", "read,export,predict"));
  }
  static void TearDownTestSuite() {
    delete served;
    delete read_key;
    delete export_key;
  }
  static unsigned short port() { return served->port(); }
  static std::string bearer(const std::string& key) { return "Authorization: Bearer " + key + "\r\n"; }

  static testing::ServedApi* served;
  static std::string* read_key;
  static std::string* export_key;
};

testing::ServedApi* ApiConventionsTest::served = nullptr;
std::string* ApiConventionsTest::read_key = nullptr;
std::string* ApiConventionsTest::export_key = nullptr;

}  // namespace

TEST_F(ApiConventionsTest, ScopeMatrix) {
  const std::string exported = "/api/v1/export/hospitals?state=RI";
  EXPECT_EQ(http_get(port(), "/api/v1/hospitals?limit=1").status, 200);  // public read
  EXPECT_EQ(http_get(port(), exported).status, 401);
  EXPECT_EQ(http_get(port(), exported, bearer(*read_key)).status, 403);
  EXPECT_EQ(http_get(port(), exported, bearer(*export_key)).status, 200);
  EXPECT_EQ(http_get(port(), exported, "X-API-Key: " + *export_key + "\r\n").status, 200);
  EXPECT_EQ(http_get(port(), exported, bearer("hci_not_a_key")).status, 401);
  EXPECT_EQ(http_get(port(), "/api/v1/hospitals?limit=1", bearer("hci_not_a_key")).status, 401);
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/admin/reload", bearer(*export_key)).status, 403);
  auto problem = json::parse(http_get(port(), exported, bearer(*read_key)).body);
  EXPECT_EQ(problem["type"], "urn:hci:problem:forbidden");
}

TEST_F(ApiConventionsTest, RevokedKeyStopsWorkingOnRefresh) {
  const std::string key = served->create_key("conventions-revoked", "read,export");
  EXPECT_EQ(http_get(port(), "/api/v1/export/hospitals?state=DE", bearer(key)).status, 200);
  store::open_store(testing::ingested_store_uri())->revoke_api_key("conventions-revoked");
  served->api().refresh_keys();
  EXPECT_EQ(http_get(port(), "/api/v1/export/hospitals?state=DE", bearer(key)).status, 401);
}

TEST_F(ApiConventionsTest, PublicExportOpensTheExportToAnonymousCallersOnly) {
  auto options = testing::test_api_options();
  options.public_export = true;
  testing::ServedApi open_export(options);
  EXPECT_EQ(http_get(open_export.port(), "/api/v1/export/hospitals?state=RI&format=xlsx").status, 200);
  EXPECT_EQ(http_request(open_export.port(), "POST", "/api/v1/predict/hospital-rating",
                         "Content-Type: application/json\r\n", "{}")
                .status,
            401);
  EXPECT_EQ(http_get(port(), "/api/v1/export/hospitals?state=RI&format=xlsx").status, 401);  // off by default
}

TEST_F(ApiConventionsTest, ReadsNeedAKeyWithoutPublicRead) {
  auto options = testing::test_api_options();
  options.public_read = false;
  testing::ServedApi closed(options);
  EXPECT_EQ(http_get(closed.port(), "/api/v1/states").status, 401);
  EXPECT_EQ(http_get(closed.port(), "/api/v1/states", bearer(*read_key)).status, 200);
  EXPECT_EQ(http_get(closed.port(), "/api/v1/states").status, 401);  // a cached answer is no way around the key
  EXPECT_EQ(http_get(closed.port(), "/health").status, 200);
}

TEST_F(ApiConventionsTest, RateLimitRefusesAfterTheBurstWithRetryAfter) {
  auto options = testing::test_api_options();
  options.rate_limit_per_second = 5;  // burst 10
  testing::ServedApi limited(options);
  int ok = 0;
  testing::HttpReply refused;
  for (int i = 0; i < 30 && refused.status == 0; ++i) {
    auto reply = http_get(limited.port(), "/api/v1/states?limit=1");
    if (reply.status == 200) ++ok;
    if (reply.status == 429) refused = reply;
  }
  EXPECT_GE(ok, 10);
  ASSERT_EQ(refused.status, 429);
  EXPECT_FALSE(refused.header("retry-after").empty());
  EXPECT_EQ(refused.header("ratelimit-limit"), "10");
  EXPECT_EQ(json::parse(refused.body)["type"], "urn:hci:problem:rate_limited");
}

TEST_F(ApiConventionsTest, ExportsStreamEveryRowAndEndDetectably) {
  const long expected = json::parse(http_get(port(), "/api/v1/hospitals?state=TX&limit=1").body)["meta"]["total"];
  auto csv = http_get(port(), "/api/v1/export/hospitals?state=TX&format=csv", bearer(*export_key));
  EXPECT_EQ(csv.header("transfer-encoding"), "chunked");
  EXPECT_TRUE(csv.complete_chunks);
  EXPECT_EQ(csv.header("x-row-count"), std::to_string(expected));
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), expected + 1);  // header line + rows
  auto geojson =
      json::parse(http_get(port(), "/api/v1/export/hospitals?state=TX&format=geojson", bearer(*export_key)).body);
  EXPECT_EQ(geojson["type"], "FeatureCollection");
  EXPECT_EQ(static_cast<long>(geojson["features"].size()), expected);
  EXPECT_EQ(geojson["meta"]["total"], expected);
  auto all = json::parse(http_get(port(), "/api/v1/export/hospitals?format=json", bearer(*export_key)).body);
  EXPECT_EQ(all["data"].size(), 5421u);  // every hospital: exports are never capped
  EXPECT_TRUE(all["meta"]["complete"].get<bool>());
}

TEST_F(ApiConventionsTest, PredictValidatesTheBodyThenSaysNoModelYet) {
  const std::string json_type = "Content-Type: application/json\r\n";
  auto post = [&](const std::string& headers, const std::string& body) {
    return http_request(port(), "POST", "/api/v1/predict/hospital-rating", bearer(*export_key) + headers, body).status;
  };
  EXPECT_EQ(post(json_type, R"({"facility_id":"450056"})"), 503);  // valid, but no model is trained here
  EXPECT_EQ(post("Content-Type: text/plain\r\n", "hello"), 415);
  EXPECT_EQ(post(json_type, "{not json"), 400);
  EXPECT_EQ(post(json_type, "[1,2]"), 422);

  EXPECT_EQ(post(json_type, std::string(100000, '[')), 413);                         // over the 64 KiB test body limit
  EXPECT_EQ(post(json_type, std::string(5000, '[') + std::string(5000, ']')), 400);  // nested too deeply
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/predict/hospital-rating", json_type, "{}").status, 401);
}

TEST_F(ApiConventionsTest, ETagGives304WhenUnchanged) {
  auto first = http_get(port(), "/api/v1/states/TX");
  const std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  auto second = http_get(port(), "/api/v1/states/TX", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
  EXPECT_NE(http_get(port(), "/api/v1/states/CA").header("etag"), etag);
}

TEST_F(ApiConventionsTest, GzipWhenAccepted) {
  auto plain = http_get(port(), "/api/v1/hospitals?state=TX&limit=100");
  auto zipped = http_get(port(), "/api/v1/hospitals?state=TX&limit=100", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(zipped.header("content-encoding"), "gzip");
  EXPECT_LT(zipped.body.size() * 4, plain.body.size());
  EXPECT_EQ(static_cast<unsigned char>(zipped.body[0]), 0x1f);  // gzip magic
  EXPECT_NE(zipped.header("etag"), plain.header("etag"));
}

TEST_F(ApiConventionsTest, CorsAllowsOnlyListedOriginsAndSecurityHeadersAreSet) {
  auto allowed = http_get(port(), "/api/v1/states?limit=1", "Origin: https://dashboard.example\r\n");
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://dashboard.example");
  auto other = http_get(port(), "/api/v1/states?limit=1", "Origin: https://evil.example\r\n");
  EXPECT_EQ(other.header("access-control-allow-origin"), "");
  EXPECT_EQ(other.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(other.header("x-frame-options"), "DENY");
  EXPECT_EQ(other.header("referrer-policy"), "no-referrer");
}

TEST_F(ApiConventionsTest, RequestIdIsEchoedOrGenerated) {
  EXPECT_EQ(http_get(port(), "/health", "X-Request-Id: abc-123\r\n").header("x-request-id"), "abc-123");
  EXPECT_EQ(http_get(port(), "/health", "X-Request-Id: bad id <script>\r\n").header("x-request-id").size(), 16u);
}

TEST_F(ApiConventionsTest, MetricsCountRequestsByRoute) {
  http_get(port(), "/api/v1/states/TX");
  const std::string metrics = http_get(port(), "/metrics").body;
  EXPECT_NE(metrics.find("http_requests_total{method=\"GET\",route=\"/api/v1/states/{code}\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics.find("http_request_duration_seconds_bucket{route=\"/api/v1/states/{code}\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(metrics.find("hci_snapshot_info{dataset_version="), std::string::npos);
  EXPECT_NE(metrics.find("process_resident_memory_bytes"), std::string::npos);
}

TEST_F(ApiConventionsTest, OpenApiDescribesEveryRoute) {
  const json document = json::parse(http_get(port(), "/openapi.json").body);
  EXPECT_EQ(document["openapi"], "3.1.0");
  for (const char* path : {"/api/v1/hospitals",
                           "/api/v1/hospitals/{id}",
                           "/api/v1/hospitals/nearest",
                           "/api/v1/hospitals/compare",
                           "/api/v1/states",
                           "/api/v1/states/{code}",
                           "/api/v1/dashboard/summary",
                           "/api/v1/export/hospitals",
                           "/api/v1/datasets",
                           "/api/v1/datasets/{version}/quality",
                           "/api/v1/predict/hospital-rating",
                           "/api/v1/hospitals/{id}/rating-explanation",
                           "/api/v1/analytics/correlations",
                           "/api/v1/analytics/correlations/pair",
                           "/api/v1/analytics/insights",
                           "/api/v1/analytics/access",
                           "/api/v1/analytics/metrics",
                           "/api/v1/rankings",
                           "/api/v1/counties",
                           "/api/v1/counties/{fips}",
                           "/health",
                           "/ready",
                           "/metrics"}) {
    EXPECT_TRUE(document["paths"].contains(path)) << path;
  }
  EXPECT_TRUE(document["components"]["schemas"].contains("Problem"));
}

TEST_F(ApiConventionsTest, DocsPageAndItsAssetsAreServedLocally) {
  auto page = http_get(port(), "/docs");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("/openapi.json"), std::string::npos);
  EXPECT_EQ(page.body.find("https://"), std::string::npos);  // no CDN
  EXPECT_EQ(http_get(port(), "/docs/swagger-ui-bundle.js").status, 200);
  EXPECT_EQ(http_get(port(), "/docs/..%2Fpackage.json").status, 404);
}

TEST_F(ApiConventionsTest, DashboardIsServedWithCachingHeadersAndNothingOutsideItsFolder) {
  auto page = http_get(port(), "/");
  ASSERT_EQ(page.status, 200) << "is web/dist built (make web)?";
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.header("cache-control"), "no-cache");
  const auto script = page.body.find("/assets/index-");
  ASSERT_NE(script, std::string::npos);
  const std::string asset = page.body.substr(script, page.body.find('"', script) - script);
  auto js = http_get(port(), asset, "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js.header("content-encoding"), "gzip");
  EXPECT_EQ(http_get(port(), "/assets/..%2F..%2FCMakeLists.txt").status, 404);
  EXPECT_EQ(http_get(port(), "/assets/missing.js").status, 404);
}

TEST_F(ApiConventionsTest, ReloadUnderConcurrentLoadFailsNoRequest) {
  testing::ServedApi reloading;
  const std::string admin = reloading.create_key("conventions-admin", "admin");
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, answered{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back([&] {
      while (!done) {
        if (http_get(reloading.port(), "/api/v1/hospitals?state=TX&limit=5").status != 200) ++failures;
        ++answered;
      }
    });
  }
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(http_request(reloading.port(), "POST", "/api/v1/admin/reload", bearer(admin)).status, 200);
  }
  done = true;
  for (auto& client : clients) client.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(answered.load(), 0);
}

}  // namespace hci
