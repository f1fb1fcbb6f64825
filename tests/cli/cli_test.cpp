// Runs the real hci binary as a user would and checks its exit status and output.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/hci_process.hpp"
#include "support/temp_dir.hpp"

namespace hci {

namespace {

using testing::CommandRun;

CommandRun hci(const std::string& arguments) { return testing::run_hci(arguments); }

struct CliTest : ::testing::Test {
  testing::TempDir dir;
  std::string db() const { return "--db sqlite:" + (dir.path() / "hci.db").string(); }
  std::string ingest(const std::string& source_dir) const {
    return db() + " ingest --source-dir " + source_dir + " --report-dir " + (dir.path() / "quality").string();
  }
};

// What hci's bash completion script offers for `words` (the last one being typed), in a real bash.
std::string bash_completion_of(const std::filesystem::path& script, const std::string& words) {
  const auto driver = script.parent_path() / "complete.sh";
  std::ofstream(driver) << "source '" << script.string() << "'\nCOMP_WORDS=(" << words
                        << ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_hci_completion\necho \"${COMPREPLY[*]}\"\n";
  FILE* pipe = popen(("bash " + driver.string()).c_str(), "r");
  std::string out;
  char buffer[4096];
  for (size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, got);
  pclose(pipe);
  return out.substr(0, out.find('\n'));
}

}  // namespace

TEST_F(CliTest, HelpExitsZeroAndListsTheCommands) {
  CommandRun run = hci("--help");
  EXPECT_EQ(run.status, 0);
  for (const char* command :
       {"ingest", "db", "dataset", "quality", "collect", "serve", "apikey", "openapi", "completion"}) {
    EXPECT_NE(run.output.find(command), std::string::npos) << command;
  }
  EXPECT_EQ(hci("ingest --help").status, 0);
}

TEST_F(CliTest, BadUsageExitsTwo) {
  EXPECT_EQ(hci("--no-such-flag").status, 2);
  EXPECT_EQ(hci("").status, 2);
  EXPECT_EQ(hci(db() + " ingest --source-dir /nonexistent/dir").status, 2);
}

TEST_F(CliTest, GlobalOptionsWorkAfterTheSubcommandAsWell) {
  const std::string reports = " --report-dir " + (dir.path() / "quality").string();
  CommandRun run = hci("ingest --source-dir " + std::string(HCI_SOURCE_DATA_DIR) + reports + " " + db());
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "hci.db"));
  CommandRun before = hci(db() + " dataset list");
  CommandRun after = hci("dataset list " + db());
  EXPECT_EQ(after.status, 0) << after.output;
  EXPECT_EQ(after.output, before.output);
  EXPECT_NE(hci("db status " + db()).output.find("001_initial_schema"), std::string::npos);  // a nested command
  CommandRun version = hci("serve --version");
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.output.find("hci 0.1.0"), std::string::npos) << version.output;
}

TEST_F(CliTest, BashCompletesEveryCommandAndOptionIncludingGlobalOnesAfterTheSubcommand) {
  CommandRun script = hci("completion bash");
  ASSERT_EQ(script.status, 0) << script.output;
  const auto file = dir.path() / "hci.bash";
  std::ofstream(file) << script.output;
  EXPECT_EQ(bash_completion_of(file, "hci pip"), "pipeline");
  EXPECT_EQ(bash_completion_of(file, "hci pipeline r"), "run");
  EXPECT_EQ(bash_completion_of(file, "hci pipeline run --on"), "--only");
  EXPECT_EQ(bash_completion_of(file, "hci ingest --d"), "--db");  // global, after the subcommand
  EXPECT_EQ(bash_completion_of(file, "hci ingest --so"), "--source-dir");
  EXPECT_EQ(hci("completion zsh").status, 2);
}

TEST_F(CliTest, ReadingADatabaseThatDoesNotExistFailsAndCreatesNoFile) {
  for (const char* command : {" dataset list", " quality", " db status", " apikey list", " pipeline history"}) {
    CommandRun run = hci(db() + command);
    EXPECT_EQ(run.status, 1) << command;
    EXPECT_NE(run.output.find("hci.db does not exist: 'hci ingest' creates it"), std::string::npos) << run.output;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "hci.db"));
}

TEST_F(CliTest, IngestPrintsTheSummaryAndTheDatasetCanBeInspected) {
  CommandRun run = hci(ingest(HCI_SOURCE_DATA_DIR));
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("hospitals         5,421 (2,869 rated"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("geocoded          100.0%"), std::string::npos);
  CommandRun list = hci(db() + " dataset list");
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.output.find("5,421"), std::string::npos);
  CommandRun show = hci(db() + " dataset show");
  EXPECT_EQ(show.status, 0);
  EXPECT_NE(show.output.find("cms/Hospital_General_Information.csv"), std::string::npos);
  CommandRun quality = hci(db() + " quality");
  EXPECT_EQ(quality.status, 0);
  EXPECT_NE(quality.output.find("Quarantined rows: 23"), std::string::npos);
  EXPECT_EQ(hci(db() + " quality --json").status, 0);
  CommandRun status = hci(db() + " db status");
  EXPECT_NE(status.output.find("001_initial_schema"), std::string::npos);
}

TEST_F(CliTest, CorruptSourceFailsWithOneClearLineAndKeepsThePreviousDataset) {
  ASSERT_EQ(hci(ingest(HCI_SOURCE_DATA_DIR)).status, 0);
  const std::string before = hci(db() + " dataset show").output;
  auto broken = dir.path() / "snapshot";
  testing::copy_snapshot(broken);
  std::ofstream(broken / "counties/NCHSurb-rural-codes.csv", std::ios::app) << "1,999,AL,\"Unclosed County,x\n";
  CommandRun run = hci(ingest(broken.string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("hci: error (invalid_input): counties/NCHSurb-rural-codes.csv:3162:4: unclosed quote"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(hci(db() + " dataset show").output, before);
}

TEST_F(CliTest, UnknownVersionIsNotFound) {
  ASSERT_EQ(hci(ingest(HCI_SOURCE_DATA_DIR)).status, 0);
  CommandRun run = hci(db() + " dataset show ffffffff");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("no dataset version starts with 'ffffffff'"), std::string::npos);
}

}  // namespace hci
