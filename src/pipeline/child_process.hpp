#pragma once
// Runs a command as a child process with a deadline: how the pipeline runs each task attempt, so a task
// that hangs can be killed without taking the runner with it.

#include <chrono>
#include <string>
#include <vector>

namespace hci::pipeline {

/// How a child process ended.
struct ChildResult {
  int exit_code = -1;      // -1 when it was killed or did not start
  bool timed_out = false;  // killed at the deadline
  std::string out;         // everything it wrote to stdout
  std::string err;         // the last 4 KiB it wrote to stderr
};

/// Runs `argv` (argv[0] is the program path), collecting stdout and stderr; kills it (SIGKILL, with its
/// process group) when it outlives `timeout`. Throws hci::Error(internal) when it cannot be started.
ChildResult run_child(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

}  // namespace hci::pipeline
