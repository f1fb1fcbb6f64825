// `hci serve` and `hci apikey` as a user runs them: a real process, real signals, real HTTP.

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <regex>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace hci {

namespace {

std::string run_hci(const std::string& arguments, int& status) {
  std::string output;
  FILE* pipe = popen((std::string(HCI_BINARY) + " " + arguments + " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer{};
  size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), got);
  const int raw = pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return output;
}

// `hci serve` in a child process; the port is read from its first line of output.
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      execl(HCI_BINARY, HCI_BINARY, "--db", db.c_str(), "serve", "--port", "0", "--public-read", "--quiet",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    output_ = fdopen(fds[0], "r");
    char line[512] = {};
    if (fgets(line, sizeof line, output_) != nullptr) first_line_ = line;
    std::smatch match;
    if (std::regex_search(first_line_, match, std::regex(R"(127\.0\.0\.1:(\d+))"))) port_ = std::stoi(match[1]);
  }
  ~ServeProcess() {
    if (pid_ > 0) kill(pid_, SIGKILL), waitpid(pid_, nullptr, 0);
    if (output_) fclose(output_);
  }
  unsigned short port() const { return static_cast<unsigned short>(port_); }
  const std::string& first_line() const { return first_line_; }
  void signal(int number) const { kill(pid_, number); }
  // Waits for the process; returns its exit status (-1 when killed by a signal).
  int wait() {
    int raw = 0;
    waitpid(pid_, &raw, 0);
    pid_ = -1;
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
  std::string first_line_;
  int port_ = 0;
};

struct ServeCommandTest : ::testing::Test {
  void SetUp() override {
    int status = 0;
    const std::string output = run_hci(
        db() + " ingest --source-dir " HCI_SNAPSHOT_DIR " --report-dir " + (dir.path() / "quality").string(), status);
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
  const std::string empty = "--db sqlite:" + (dir.path() / "empty.db").string();
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
