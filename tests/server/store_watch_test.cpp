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

}  // namespace
}  // namespace hci
