// Fuzzes the cron expression parser, and the next-time search of every expression it accepts.

#include <chrono>

#include "fuzz_input.hpp"
#include "pipeline/cron.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool utc = (hci::pipeline::set_process_time_zone("UTC"), true);
  (void)utc;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  hci::fuzz::expect_only_errors([&] {
    const auto cron = hci::pipeline::CronExpression::parse(text);
    (void)cron.next_after(std::chrono::system_clock::time_point(std::chrono::hours(24 * 365 * 56)));
  });
  return 0;
}
