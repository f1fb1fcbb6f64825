#pragma once
// PostgreSQL for tests: a fresh database on the server ctest's fixture started (scripts/pg-test-server.sh),
// or a private server a fault test may kill.

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>

#include "store/postgres/pg_connection.hpp"
#include "support/temp_dir.hpp"

namespace hci::testing {

/// The URI of the shared test server (written by the PostgresServer fixture).
inline std::string postgres_admin_uri() {
  std::ifstream in(HCI_PG_URI_FILE);
  std::string uri;
  std::getline(in, uri);
  return uri;
}

/// `uri` with its database replaced.
inline std::string with_database(const std::string& uri, const std::string& database) {
  return uri.substr(0, uri.rfind('/') + 1) + database;
}

/// A database of its own for one test, created empty and dropped at the end.
class TestDatabase {
 public:
  explicit TestDatabase(std::string admin = postgres_admin_uri()) : admin_(std::move(admin)) {
    static std::atomic<int> counter{0};
    name_ = "hci_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    store::postgres::PgConnection(admin_).execute("CREATE DATABASE " + name_);
    uri_ = with_database(admin_, name_);
  }
  ~TestDatabase() {
    try {
      store::postgres::PgConnection(admin_).execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
      // The server may be down in a fault test; its data directory goes with it.
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// postgresql://postgres@127.0.0.1:PORT/hci_test_...
  const std::string& uri() const { return uri_; }

 private:
  std::string admin_;
  std::string name_;
  std::string uri_;
};

/// A PostgreSQL server of the test's own, in a temporary directory, for tests that kill it.
class PrivateServer {
 public:
  PrivateServer() {
    // The server runs as 'postgres' when tests run as root: it must be able to reach its directory.
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all | std::filesystem::perms::group_exec |
                                                  std::filesystem::perms::others_exec);
    run("start");
  }
  ~PrivateServer() { run("stop"); }
  /// kill -9 of the postmaster.
  void kill() { run("kill"); }
  /// Starts it again on the same port.
  void restart() { run("restart"); }
  /// The admin URI.
  std::string uri() const {
    std::ifstream in(dir_.path() / "pg" / "uri");
    std::string uri;
    std::getline(in, uri);
    return uri;
  }

 private:
  void run(const std::string& action) {
    const std::string command = "bash " HCI_SOURCE_DIR "/scripts/pg-test-server.sh " + action + " " +
                                (dir_.path() / "pg").string() + " > /dev/null";
    if (std::system(command.c_str()) != 0 && action != "stop") throw std::runtime_error(command + " failed");
  }
  TempDir dir_;
};

}  // namespace hci::testing
