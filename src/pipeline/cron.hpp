#pragma once
// Standard 5-field cron expressions (minute hour day-of-month month day-of-week) and their next times.

#include <bitset>
#include <chrono>
#include <ctime>
#include <string>
#include <string_view>

namespace hci::pipeline {

/// A parsed cron expression. Fields accept *, numbers, ranges (a-b), lists (a,b), steps (*/n, a-b/n) and,
/// for months and weekdays, names (JAN, MON). As in Vixie cron, when both day-of-month and day-of-week
/// are restricted a day matching either one fires.
class CronExpression {
 public:
  /// Parses an expression; throws hci::Error(invalid_input) naming the bad field and value.
  static CronExpression parse(std::string_view text);

  /// The first time strictly after `after` (to the minute) at which the expression fires, in the time zone
  /// set for the process (TZ); throws Error(invalid_input) when none comes within five years (e.g. 30 Feb).
  std::chrono::system_clock::time_point next_after(std::chrono::system_clock::time_point after) const;
  /// The latest time at or before `at` at which it fired, searching back up to `horizon`; `at` itself when
  /// none (used to find a missed run).
  std::chrono::system_clock::time_point previous_at_or_before(std::chrono::system_clock::time_point at,
                                                              std::chrono::hours horizon) const;
  /// True when the expression fires at this minute (local time fields).
  bool matches(const std::tm& local) const;
  /// The text it was parsed from.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;     // 1..31
  std::bitset<13> months_;   // 1..12
  std::bitset<8> weekdays_;  // 0..6, Sunday = 0 (7 accepted as Sunday)
  bool any_day_ = true;
  bool any_weekday_ = true;
};

/// Sets the process time zone (an IANA name such as "UTC" or "America/Chicago") for cron matching; throws
/// Error(invalid_input) for a zone the system does not know.
void set_process_time_zone(const std::string& zone);

}  // namespace hci::pipeline
