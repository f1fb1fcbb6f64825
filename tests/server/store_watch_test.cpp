// A running server follows the store: a staged version is not served, and once it is published the
// server's next check of the store's change marker swaps the new snapshot in without a restart.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/load_sources.hpp"
#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {
namespace {

std::string served_version(const testing::ServedApi& served) {
  return nlohmann::json::parse(testing::http_get(served.port(), "/ready").body)["dataset_version"];
}

// A store of a test's own, holding the real snapshot: what it publishes must not change what the other
// tests of this binary serve.
struct OwnStore {
  testing::TempDir dir;
  std::string uri = "sqlite:" + (dir.path() / "hci.db").string();
  std::unique_ptr<store::Store> store = [this] {
    auto opened = store::open_store(uri);
    opened->migrate();
    pipeline::load_sources(*opened, HCI_SOURCE_DATA_DIR, {});
    return opened;
  }();

  // Stages a copy of the snapshot that differs by one blank line; returns its version.
  std::string stage_a_new_version() {
    testing::copy_snapshot(dir.path() / "s");
    std::ofstream(dir.path() / "s/states/state_unemployment_monthly.csv", std::ios::app) << "\n";
    pipeline::LoadOptions staged;
    staged.make_current = false;
    return pipeline::load_sources(*store, dir.path() / "s", staged).result.version;
  }
};

TEST(StoreWatchTest, APublishedVersionIsPickedUpWithoutARestart) {
  OwnStore own;
  testing::ServedApi served(testing::test_api_options(), own.uri);
  const std::string before = served_version(served);
  EXPECT_FALSE(served.api().reload_if_changed());

  const std::string staged = own.stage_a_new_version();
  EXPECT_FALSE(served.api().reload_if_changed()) << "a staged version is not served";
  EXPECT_EQ(served_version(served), before);

  own.store->publish(staged);
  EXPECT_TRUE(served.api().reload_if_changed());
  EXPECT_EQ(served_version(served), staged);
  EXPECT_NE(staged, before);
}

// The version list and the pipeline history are read on their own: a staged version or a pipeline run that
// starts shows up at the next check without reloading the snapshot of every server.
TEST(StoreWatchTest, AStagedVersionOrAPipelineRunRefreshesTheCatalogueNotTheSnapshot) {
  OwnStore own;
  testing::ServedApi served(testing::test_api_options(), own.uri);
  const auto snapshot = served.api().snapshot();
  auto datasets = [&] { return nlohmann::json::parse(testing::http_get(served.port(), "/api/v1/datasets").body); };
  auto runs = [&] { return nlohmann::json::parse(testing::http_get(served.port(), "/api/v1/pipeline/runs").body); };
  ASSERT_EQ(datasets()["data"].size(), 1u);
  ASSERT_TRUE(runs()["data"].empty());

  own.stage_a_new_version();
  const std::int64_t run = own.store->start_pipeline_run("manual");
  EXPECT_FALSE(served.api().reload_if_changed());
  EXPECT_EQ(served.api().snapshot(), snapshot) << "the snapshot was reloaded";
  EXPECT_EQ(datasets()["data"].size(), 2u);
  ASSERT_EQ(runs()["data"].size(), 1u);
  EXPECT_EQ(runs()["data"][0]["status"], "running");

  own.store->finish_pipeline_run(run, "succeeded", "", "");
  EXPECT_FALSE(served.api().reload_if_changed());
  EXPECT_EQ(served.api().snapshot(), snapshot);
  EXPECT_EQ(runs()["data"][0]["status"], "succeeded");
}

}  // namespace
}  // namespace hci
