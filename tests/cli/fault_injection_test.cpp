// Faults a running hci meets in production, injected for real: `hci ingest` killed with SIGKILL mid-load (SQLite
// and PostgreSQL), a disk that fills up during a load, truncated sources, and the database (the PostgreSQL server
// or the SQLite file) going away while `hci serve` answers. After each, the previous dataset must be current and
// complete and the next run succeed.

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "store/store.hpp"
#include "support/counting_sink.hpp"
#include "support/hci_process.hpp"
#include "support/http_client.hpp"
#include "support/postgres_server.hpp"
#include "support/temp_dir.hpp"

namespace hci {

namespace {

namespace fs = std::filesystem;

// Every record count of one stored version, read back through the Store: equal counts mean nothing was lost.
std::vector<std::size_t> record_counts(const std::string& uri, const std::string& version) {
  testing::CountingSink sink;
  store::open_store(uri)->read_dataset(version, sink);
  return {sink.hospitals.size(),
          sink.zips.size(),
          sink.counties.size(),
          sink.indicators.size(),
          static_cast<std::size_t>(sink.unemployment),
          static_cast<std::size_t>(sink.measures),
          static_cast<std::size_t>(sink.definitions)};
}

std::string current_version(const std::string& uri) { return store::open_store(uri)->find_dataset("")->version; }

std::vector<std::string> ingest_arguments(const std::string& uri, const fs::path& sources, const fs::path& reports) {
  return {"--db", uri, "ingest", "--source-dir", sources.string(), "--report-dir", reports.string()};
}

// A copy of the real snapshot whose content hash differs (one more trailing newline), so loading it makes a
// new version with the same records.
fs::path changed_snapshot(const fs::path& where) {
  testing::copy_snapshot(where);
  std::ofstream(where / "states/state_unemployment_monthly.csv", std::ios::app) << "\n";
  return where;
}

// Bytes the process has read so far (/proc/PID/io rchar), or -1 once it is gone.
long long bytes_read_by(pid_t pid) {
  std::ifstream io("/proc/" + std::to_string(pid) + "/io");
  std::string key;
  long long value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") return value;
  }
  return -1;
}

// Every byte of the sources: a load reads all of them before it can commit.
long long source_bytes(const fs::path& dir) {
  long long total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += static_cast<long long>(entry.file_size());
  }
  return total;
}

// Loads the real snapshot, then kills `hci ingest` of a changed copy when it has read a seeded random share
// (5% to 80%) of the source bytes: always mid-load, whatever the machine's speed, because a load reads every
// source before it commits. After each kill the first version must still be current and complete; then a
// full run must succeed and publish the new version.
void kill_ingest_at_random_points(const std::string& uri) {
  testing::TempDir dir;
  testing::HciProcess first(ingest_arguments(uri, HCI_SOURCE_DATA_DIR, dir.path() / "reports"));
  ASSERT_EQ(first.wait(), 0);
  const std::string version = current_version(uri);
  const auto counts = record_counts(uri, version);
  const fs::path changed = changed_snapshot(dir.path() / "changed");
  const long long total = source_bytes(changed);

  std::mt19937 random(20261125);
  std::uniform_real_distribution<double> share(0.05, 0.8);
  for (int attempt = 0; attempt < 5; ++attempt) {
    const auto kill_at = static_cast<long long>(static_cast<double>(total) * share(random));
    testing::HciProcess doomed(ingest_arguments(uri, changed, dir.path() / "reports"));
    long long read = 0;
    while ((read = bytes_read_by(doomed.pid())) >= 0 && read < kill_at) std::this_thread::yield();
    doomed.signal(SIGKILL);
    EXPECT_EQ(doomed.wait(), -1) << "the load ended before it had read " << kill_at << " bytes";
    EXPECT_EQ(current_version(uri), version) << "after a kill at " << read << " bytes read";
    EXPECT_EQ(record_counts(uri, version), counts);
  }
  testing::HciProcess next(ingest_arguments(uri, changed, dir.path() / "reports"));
  ASSERT_EQ(next.wait(), 0);
  const std::string published = current_version(uri);
  EXPECT_NE(published, version);
  EXPECT_EQ(record_counts(uri, published), counts);
}

// A tmpfs of `megabytes` mounted for the test's lifetime (needs root, as CI runs).
class SmallDisk {
 public:
  SmallDisk(const fs::path& where, int megabytes) : where_(where) {
    fs::create_directories(where);
    const std::string options = "size=" + std::to_string(megabytes) + "m";
    mounted_ = ::mount("tmpfs", where.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  // Fills the disk until only `keep_bytes` are free; the filler file is returned to free it again.
  fs::path fill_leaving(std::uintmax_t keep_bytes) const {
    struct statvfs disk {};
    ::statvfs(where_.c_str(), &disk);
    const std::uintmax_t free_bytes = static_cast<std::uintmax_t>(disk.f_bavail) * disk.f_frsize;
    const fs::path filler = where_ / "filler";
    std::ofstream out(filler, std::ios::binary);
    const std::string block(1 << 20, 'x');
    for (std::uintmax_t written = 0; written + keep_bytes + block.size() <= free_bytes; written += block.size())
      out << block;
    return filler;
  }

 private:
  fs::path where_;
  bool mounted_ = false;
};

// GET path -> parsed JSON body (null when the body is not JSON).
nlohmann::json get_json(unsigned short port, const std::string& path, int& status) {
  const auto reply = testing::http_get(port, path);
  status = reply.status;
  return nlohmann::json::parse(reply.body, nullptr, false);
}

// Polls /ready until the database state is `expected` (the server checks every 2 s); true when it was seen.
bool wait_for_database_state(unsigned short port, const std::string& expected) {
  for (int i = 0; i < 100; ++i) {
    int status = 0;
    const auto ready = get_json(port, "/ready", status);
    if (status == 200 && ready.is_object() && ready["database"]["state"] == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

// Once /ready says the database is unreachable, reads still answer from the served snapshot and /metrics
// says the database is down.
void expect_answers_while_the_database_is_away(unsigned short port) {
  EXPECT_TRUE(wait_for_database_state(port, "unreachable"));
  int status = 0;
  const auto texas = get_json(port, "/api/v1/hospitals?state=TX&limit=5", status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(texas["data"].size(), 5u);
  EXPECT_EQ(get_json(port, "/api/v1/states/CA", status)["data"]["code"], "CA");
  EXPECT_NE(testing::http_get(port, "/metrics").body.find("hci_database_up 0"), std::string::npos);
}

}  // namespace

TEST(FaultInjection, IngestKilledMidLoadOnSqliteLosesNothingAndTheNextRunSucceeds) {
  testing::TempDir dir;
  kill_ingest_at_random_points("sqlite:" + (dir.path() / "hci.db").string());
}

TEST(FaultInjection, IngestKilledMidLoadOnPostgresLosesNothingAndTheNextRunSucceeds) {
  testing::TestDatabase database;
  kill_ingest_at_random_points(database.uri());
}

TEST(FaultInjection, DiskFullDuringALoadGivesAClearErrorAndLosesNothing) {
  testing::TempDir dir;
  SmallDisk disk(dir.path() / "disk", 128);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  const std::string uri = "sqlite:" + (dir.path() / "disk" / "hci.db").string();
  const std::string reports = (dir.path() / "reports").string();
  ASSERT_EQ(
      testing::run_hci("--db " + uri + " ingest --source-dir " HCI_SOURCE_DATA_DIR " --report-dir " + reports).status,
      0);
  const std::string version = current_version(uri);
  const auto counts = record_counts(uri, version);
  const fs::path changed = changed_snapshot(dir.path() / "changed");
  const fs::path filler = disk.fill_leaving(2u << 20);

  const auto full =
      testing::run_hci("--db " + uri + " ingest --source-dir " + changed.string() + " --report-dir " + reports);
  EXPECT_EQ(full.status, 1);
  EXPECT_NE(full.output.find("database or disk is full (free space on the disk holding it"), std::string::npos)
      << full.output;
  EXPECT_NE(full.output.find("hci.db"), std::string::npos) << "the error names the database file: " << full.output;
  fs::remove(filler);
  EXPECT_EQ(current_version(uri), version);
  EXPECT_EQ(record_counts(uri, version), counts);
  EXPECT_EQ(
      testing::run_hci("--db " + uri + " ingest --source-dir " + changed.string() + " --report-dir " + reports).status,
      0);
  EXPECT_NE(current_version(uri), version);
}

TEST(FaultInjection, TruncatedSourceGivesAClearErrorAndLosesNothing) {
  testing::TempDir dir;
  const std::string uri = "sqlite:" + (dir.path() / "hci.db").string();
  const std::string reports = (dir.path() / "reports").string();
  ASSERT_EQ(
      testing::run_hci("--db " + uri + " ingest --source-dir " HCI_SOURCE_DATA_DIR " --report-dir " + reports).status,
      0);
  const std::string version = current_version(uri);
  const fs::path truncated = dir.path() / "truncated";
  testing::copy_snapshot(truncated);
  const fs::path hospitals = truncated / "cms/Hospital_General_Information.csv";
  fs::resize_file(hospitals, fs::file_size(hospitals) / 2);

  const auto run =
      testing::run_hci("--db " + uri + " ingest --source-dir " + truncated.string() + " --report-dir " + reports);
  EXPECT_EQ(run.status, 1) << run.output;
  EXPECT_NE(run.output.find("cms/Hospital_General_Information.csv:"), std::string::npos) << run.output;
  EXPECT_EQ(current_version(uri), version);
}

TEST(FaultInjection, ServeKeepsAnsweringWhileTheDatabaseIsAwayAndSaysSoOnReady) {
  testing::PrivateServer postgres;
  testing::TestDatabase database(postgres.uri());
  testing::TempDir dir;
  ASSERT_EQ(testing::run_hci("--db " + database.uri() + " ingest --source-dir " HCI_SOURCE_DATA_DIR " --report-dir " +
                             (dir.path() / "reports").string())
                .status,
            0);
  testing::ServeProcess serve(database.uri(), {"--watch", "2"});
  ASSERT_NE(serve.port(), 0) << serve.first_line();
  ASSERT_TRUE(wait_for_database_state(serve.port(), "reachable"));

  postgres.kill();
  expect_answers_while_the_database_is_away(serve.port());
  postgres.restart();
  EXPECT_TRUE(wait_for_database_state(serve.port(), "reachable"));
  EXPECT_EQ(testing::http_get(serve.port(), "/api/v1/hospitals?limit=1").status, 200);
  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait(), 0);
}

TEST(FaultInjection, ServeKeepsAnsweringWhileTheSqliteFileIsAwayAndNeverCreatesAnEmptyOne) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "hci.db";
  ASSERT_EQ(
      testing::run_hci("--db sqlite:" + file.string() + " ingest --source-dir " HCI_SOURCE_DATA_DIR " --report-dir " +
                       (dir.path() / "reports").string())
          .status,
      0);
  testing::ServeProcess serve("sqlite:" + file.string(), {"--watch", "2"});
  ASSERT_NE(serve.port(), 0) << serve.first_line();
  ASSERT_TRUE(wait_for_database_state(serve.port(), "reachable"));

  fs::rename(file, dir.path() / "away.db");
  expect_answers_while_the_database_is_away(serve.port());
  EXPECT_FALSE(fs::exists(file)) << "a probe of the missing file created an empty database";
  fs::rename(dir.path() / "away.db", file);
  EXPECT_TRUE(wait_for_database_state(serve.port(), "reachable"));
  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait(), 0);
}

}  // namespace hci
