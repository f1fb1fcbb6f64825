// `hci serve` and `hci apikey` as a user runs them: a real process, real signals, real HTTP.

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "support/hci_process.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace hci {

namespace {

using testing::ServeProcess;

// `hci ARGUMENTS`: what it printed; its exit status into `status`.
std::string run_hci(const std::string& arguments, int& status) {
  auto run = testing::run_hci(arguments);
  status = run.status;
  return run.output;
}

struct ServeCommandTest : ::testing::Test {
  void SetUp() override {
    int status = 0;
    const std::string output =
        run_hci(db() + " ingest --source-dir " HCI_SOURCE_DATA_DIR " --report-dir " + (dir.path() / "quality").string(),
                status);
    ASSERT_EQ(status, 0) << output;
  }
  std::string db() const { return "--db sqlite:" + (dir.path() / "hci.db").string(); }
  std::string db_uri() const { return "sqlite:" + (dir.path() / "hci.db").string(); }
  testing::TempDir dir;
};

}  // namespace

TEST_F(ServeCommandTest, ServesReloadsOnSighupAndExitsZeroOnSigterm) {
  ServeProcess serve(db_uri());
  ASSERT_NE(serve.port(), 0) << serve.first_line();
  EXPECT_NE(serve.first_line().find("5421 hospitals"), std::string::npos);
  EXPECT_EQ(testing::http_get(serve.port(), "/ready").status, 200);
  serve.signal(SIGHUP);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(testing::http_get(serve.port(), "/api/v1/states?limit=1").status, 200);
  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait(), 0);
}

TEST_F(ServeCommandTest, ServeWithoutDataSaysWhatToRun) {
  int status = 0;
  const auto file = dir.path() / "empty.db";
  const std::string empty = "--db sqlite:" + file.string();
  const std::string missing = run_hci(empty + " serve --port 0", status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(missing.find("empty.db does not exist: 'hci ingest' creates it"), std::string::npos) << missing;
  std::ofstream{file};  // an empty file is an empty SQLite database
  const std::string unmigrated = run_hci(empty + " serve --port 0", status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(unmigrated.find("run 'hci db migrate'"), std::string::npos) << unmigrated;
  run_hci(empty + " db migrate", status);
  const std::string unloaded = run_hci(empty + " serve --port 0", status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(unloaded.find("run 'hci ingest'"), std::string::npos) << unloaded;
}

TEST_F(ServeCommandTest, ApiKeyIsPrintedOnceListedWithoutItsSecretAndRevocable) {
  int status = 0;
  const std::string created = run_hci(db() + " apikey create --name analyst --scopes read,export", status);
  ASSERT_EQ(status, 0) << created;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(created, match, std::regex("hci_[0-9a-f]{64}")));
  const std::string secret = match[0];
  const std::string listed = run_hci(db() + " apikey list", status);
  EXPECT_NE(listed.find("analyst"), std::string::npos);
  EXPECT_NE(listed.find(secret.substr(0, 12)), std::string::npos);
  EXPECT_EQ(listed.find(secret), std::string::npos);
  EXPECT_EQ(run_hci(db() + " apikey create --name analyst", status).find("already exists") != std::string::npos, true);
  EXPECT_EQ(status, 1);
  run_hci(db() + " apikey create --name bad --scopes read,root", status);
  EXPECT_EQ(status, 1);
  run_hci(db() + " apikey revoke analyst", status);
  EXPECT_EQ(status, 0);
  run_hci(db() + " apikey revoke analyst", status);
  EXPECT_EQ(status, 1);
}

}  // namespace hci
