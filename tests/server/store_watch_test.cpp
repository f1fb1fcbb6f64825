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

TEST(StoreWatchTest, APublishedVersionIsPickedUpWithoutARestart) {
  // A store of its own: publishing here must not change what the other tests of this binary serve.
  testing::TempDir own;
  const std::string uri = "sqlite:" + (own.path() / "hci.db").string();
  auto store = store::open_store(uri);
  store->migrate();
  pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
  testing::ServedApi served(testing::test_api_options(), uri);
  const std::string before = served_version(served);
  EXPECT_FALSE(served.api().reload_if_changed());

  testing::TempDir dir;
  testing::copy_snapshot(dir.path() / "s");
  std::ofstream(dir.path() / "s/states/state_unemployment_monthly.csv", std::ios::app) << "\n";
  pipeline::LoadOptions staged;
  staged.make_current = false;
  const auto loaded = pipeline::load_sources(*store, dir.path() / "s", staged);
  EXPECT_FALSE(served.api().reload_if_changed()) << "a staged version is not served";
  EXPECT_EQ(served_version(served), before);

  store->publish(loaded.result.version);
  EXPECT_TRUE(served.api().reload_if_changed());
  EXPECT_EQ(served_version(served), loaded.result.version);
  EXPECT_NE(loaded.result.version, before);
}

// The version list and the pipeline history are read on their own: a staged version or a pipeline run that
// starts shows up at the next check without reloading the snapshot of every server.
TEST(StoreWatchTest, AStagedVersionOrAPipelineRunRefreshesTheCatalogueNotTheSnapshot) {
  testing::TempDir own;
  const std::string uri = "sqlite:" + (own.path() / "hci.db").string();
  auto store = store::open_store(uri);
  store->migrate();
  pipeline::load_sources(*store, HCI_SOURCE_DATA_DIR, {});
  testing::ServedApi served(testing::test_api_options(), uri);
  const auto snapshot = served.api().snapshot();
  auto datasets = [&] { return nlohmann::json::parse(testing::http_get(served.port(), "/api/v1/datasets").body); };
  auto runs = [&] { return nlohmann::json::parse(testing::http_get(served.port(), "/api/v1/pipeline/runs").body); };
  ASSERT_EQ(datasets()["data"].size(), 1u);
  ASSERT_TRUE(runs()["data"].empty());

  testing::TempDir dir;
  testing::copy_snapshot(dir.path() / "s");
  std::ofstream(dir.path() / "s/states/state_unemployment_monthly.csv", std::ios::app) << "\n";
  pipeline::LoadOptions staged;
  staged.make_current = false;
  pipeline::load_sources(*store, dir.path() / "s", staged);
  const std::int64_t run = store->start_pipeline_run("manual");
  EXPECT_FALSE(served.api().reload_if_changed());
  EXPECT_EQ(served.api().snapshot(), snapshot) << "the snapshot was reloaded";
  EXPECT_EQ(datasets()["data"].size(), 2u);
  ASSERT_EQ(runs()["data"].size(), 1u);
  EXPECT_EQ(runs()["data"][0]["status"], "running");

  store->finish_pipeline_run(run, "succeeded", "", "");
  EXPECT_FALSE(served.api().reload_if_changed());
  EXPECT_EQ(served.api().snapshot(), snapshot);
  EXPECT_EQ(runs()["data"][0]["status"], "succeeded");
}

}  // namespace
}  // namespace hci
