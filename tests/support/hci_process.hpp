#pragma once
// The real hci binary as a user runs it: one command to completion, or a long-running child process (serve,
// an ingest to be killed) with its first line of output, signals and exit status.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

namespace hci::testing {

/// What a finished command printed (stdout and stderr together) and its exit status (-1: killed by a signal).
struct CommandRun {
  int status = -1;
  std::string output;
};

/// Runs `hci ARGUMENTS` through the shell and waits for it.
inline CommandRun run_hci(const std::string& arguments) {
  CommandRun run;
  FILE* pipe = popen((std::string(HCI_BINARY) + " " + arguments + " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), got);
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

/// `hci ARGS...` in a child process (stdout to a pipe, stderr to the test's); killed with SIGKILL if still
/// running on destruction.
class HciProcess {
 public:
  explicit HciProcess(const std::vector<std::string>& arguments) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      std::vector<char*> argv{const_cast<char*>(HCI_BINARY)};
      for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
      argv.push_back(nullptr);
      execv(HCI_BINARY, argv.data());
      _exit(127);
    }
    close(fds[1]);
    output_ = fdopen(fds[0], "r");
  }
  ~HciProcess() {
    if (pid_ > 0) kill(pid_, SIGKILL), waitpid(pid_, nullptr, 0);
    if (output_) fclose(output_);
  }
  HciProcess(const HciProcess&) = delete;
  HciProcess& operator=(const HciProcess&) = delete;

  /// The next line the process prints ("" at end of output).
  std::string read_line() {
    char line[1024] = {};
    return output_ && fgets(line, sizeof line, output_) != nullptr ? line : "";
  }
  /// Sends a signal.
  void signal(int number) const { kill(pid_, number); }
  /// The process id (-1 once waited for).
  pid_t pid() const { return pid_; }
  /// Waits for the process; returns its exit status (-1 when killed by a signal).
  int wait() {
    int raw = 0;
    waitpid(pid_, &raw, 0);
    pid_ = -1;
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

 private:
  pid_t pid_ = -1;
  FILE* output_ = nullptr;
};

/// `hci --db DB serve` on an ephemeral port with public reads; the port is read from its first line.
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db, std::vector<std::string> extra = {})
      : process_(serve_arguments(db, std::move(extra))), first_line_(process_.read_line()) {
    std::smatch match;
    if (std::regex_search(first_line_, match, std::regex(R"(127\.0\.0\.1:(\d+))"))) port_ = std::stoi(match[1]);
  }
  /// The listening port (0 when the server did not start).
  unsigned short port() const { return static_cast<unsigned short>(port_); }
  /// What the server printed first (the dataset it serves and its address, or the reason it stopped).
  const std::string& first_line() const { return first_line_; }
  /// Sends a signal.
  void signal(int number) const { process_.signal(number); }
  /// Waits for exit; the exit status.
  int wait() { return process_.wait(); }

 private:
  static std::vector<std::string> serve_arguments(const std::string& db, std::vector<std::string> extra) {
    std::vector<std::string> arguments{"--db", db, "serve", "--port", "0", "--public-read", "--quiet"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return arguments;
  }
  HciProcess process_;
  std::string first_line_;
  int port_ = 0;
};

}  // namespace hci::testing
