#include "ingest/collector.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "support/local_http_server.hpp"
#include "support/temp_dir.hpp"

namespace hci::ingest {

namespace {

const std::string kFixture =
    testing::read_file(std::string(HCI_SOURCE_DATA_DIR) + "/cms/Hospital_General_Information.csv");

struct CollectorTest : ::testing::Test {
  testing::TempDir dir;
  std::vector<std::chrono::milliseconds> sleeps;
  CurlFetcher fetcher;

  CollectOptions options(const std::string& url) {
    CollectOptions o;
    o.url = url;
    o.out_dir = dir.path();
    o.retries = 3;
    o.initial_backoff = std::chrono::milliseconds(100);
    o.timeout = std::chrono::seconds(20);
    o.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
    return o;
  }
  std::filesystem::path published() const { return dir.path() / "cms/Hospital_General_Information.csv"; }
};

}  // namespace

TEST_F(CollectorTest, DownloadsValidatesAndRecordsTheManifest) {
  testing::LocalHttpServer server({{200, kFixture, std::nullopt}});
  CollectResult result = collect_cms_hospitals(options(server.url()), fetcher);
  EXPECT_EQ(result.hospitals, 5421);
  EXPECT_EQ(result.attempts, 1);
  EXPECT_EQ(testing::read_file(published()), kFixture);
  auto manifest = nlohmann::json::parse(testing::read_file(dir.path() / "manifest.json"));
  const auto& entry = manifest["files"]["cms/Hospital_General_Information.csv"];
  EXPECT_EQ(entry["sha256"], sha256_hex(kFixture));
  EXPECT_EQ(entry["url"], server.url());
  EXPECT_EQ(entry["rows"], 5421);
}

TEST_F(CollectorTest, RetriesAServerErrorWithExponentialBackoff) {
  testing::LocalHttpServer server(
      {{500, "oops", std::nullopt}, {503, "busy", std::nullopt}, {200, kFixture, std::nullopt}});
  CollectResult result = collect_cms_hospitals(options(server.url()), fetcher);
  EXPECT_EQ(result.attempts, 3);
  EXPECT_EQ(server.requests(), 3);
  EXPECT_EQ(sleeps,
            (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(100), std::chrono::milliseconds(200)}));
  EXPECT_EQ(testing::read_file(published()), kFixture);
}

TEST_F(CollectorTest, ShortBodyIsRetriedAndNeverPublished) {
  testing::LocalHttpServer server({{200, kFixture, kFixture.size() / 2}, {200, kFixture, std::nullopt}});
  CollectResult result = collect_cms_hospitals(options(server.url()), fetcher);
  EXPECT_EQ(result.attempts, 2);
  EXPECT_EQ(testing::read_file(published()), kFixture);
}

TEST_F(CollectorTest, FailureKeepsTheLastGoodFile) {
  dir.write("cms/Hospital_General_Information.csv", kFixture);
  testing::LocalHttpServer server({{200, kFixture, 1000}});
  try {
    collect_cms_hospitals(options(server.url()), fetcher);
    FAIL() << "a short body on every attempt must fail";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unavailable);
    EXPECT_NE(std::string(e.what()).find("last good file kept"), std::string::npos);
  }
  EXPECT_EQ(server.requests(), 4);
  EXPECT_EQ(testing::read_file(published()), kFixture);
  EXPECT_FALSE(std::filesystem::exists(published().string() + ".part"));
}

TEST_F(CollectorTest, InvalidContentIsNotPublished) {
  testing::LocalHttpServer server({{200, "<html>maintenance</html>\n", std::nullopt}});
  EXPECT_THROW(collect_cms_hospitals(options(server.url()), fetcher), Error);
  EXPECT_FALSE(std::filesystem::exists(published()));
}

TEST_F(CollectorTest, NotFoundIsNotRetried) {
  testing::LocalHttpServer server({{404, "no", std::nullopt}});
  EXPECT_THROW(collect_cms_hospitals(options(server.url()), fetcher), Error);
  EXPECT_EQ(server.requests(), 1);
}

}  // namespace hci::ingest
