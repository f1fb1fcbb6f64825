#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace hci::cli {

namespace {
constexpr int kWidth = 30;
}

ProgressBar::ProgressBar() : enabled_(isatty(STDOUT_FILENO) == 1) {}

void ProgressBar::update(std::string_view label, std::int64_t done, std::int64_t total) {
  if (!enabled_ || total <= 0) return;
  int percent = static_cast<int>(100 * done / total);
  if (percent == last_percent_ && label == last_label_) return;
  last_percent_ = percent;
  last_label_ = std::string(label);
  int filled = percent * kWidth / 100;
  std::printf("\r[%s%s] %3d%% %-24.*s", std::string(static_cast<size_t>(filled), '#').c_str(),
              std::string(static_cast<size_t>(kWidth - filled), '.').c_str(), percent, static_cast<int>(label.size()),
              label.data());
  std::fflush(stdout);
}

void ProgressBar::finish() {
  if (!enabled_ || last_percent_ < 0) return;
  std::printf("\r%*s\r", kWidth + 32, "");
  std::fflush(stdout);
}

}  // namespace hci::cli
