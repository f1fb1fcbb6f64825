#pragma once
// A one-line progress bar on stdout, drawn only when stdout is a terminal.

#include <cstdint>
#include <string>
#include <string_view>

namespace hci::cli {

/// Redraws "[#####.....]  45% source" in place. Silent when stdout is not a TTY (pipes, CI, tests).
class ProgressBar {
 public:
  ProgressBar();
  /// Shows `done` of `total` bytes of `label`.
  void update(std::string_view label, std::int64_t done, std::int64_t total);
  /// Clears the line so the next output starts clean.
  void finish();

 private:
  bool enabled_;
  int last_percent_ = -1;
  std::string last_label_;
};

}  // namespace hci::cli
