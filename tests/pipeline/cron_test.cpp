#include "pipeline/cron.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace hci::pipeline {
namespace {

std::chrono::system_clock::time_point utc(int year, int month, int day, int hour, int minute) {
  std::tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = hour;
  t.tm_min = minute;
  return std::chrono::system_clock::from_time_t(timegm(&t));
}

class CronTest : public ::testing::Test {
 protected:
  void SetUp() override { set_process_time_zone("UTC"); }
};

TEST_F(CronTest, DailyAtTwoFiresAtTheNextTwoOClock) {
  const auto cron = CronExpression::parse("0 2 * * *");
  EXPECT_EQ(cron.next_after(utc(2026, 11, 25, 1, 30)), utc(2026, 11, 25, 2, 0));
  EXPECT_EQ(cron.next_after(utc(2026, 11, 25, 2, 0)), utc(2026, 11, 26, 2, 0));
  EXPECT_EQ(cron.previous_at_or_before(utc(2026, 11, 25, 9, 0), std::chrono::hours(48)), utc(2026, 11, 25, 2, 0));
}

TEST_F(CronTest, StepsRangesListsAndNamesWork) {
  EXPECT_EQ(CronExpression::parse("*/15 * * * *").next_after(utc(2026, 1, 1, 0, 1)), utc(2026, 1, 1, 0, 15));
  EXPECT_EQ(CronExpression::parse("30 9-17/4 * * MON-FRI").next_after(utc(2026, 11, 28, 12, 0)),  // a Saturday
            utc(2026, 11, 30, 9, 30));
  EXPECT_EQ(CronExpression::parse("0 0 1,15 JAN *").next_after(utc(2026, 1, 2, 0, 0)), utc(2026, 1, 15, 0, 0));
}

TEST_F(CronTest, DayOfMonthOrDayOfWeekWhenBothAreRestricted) {
  // The 13th or any Friday, as Vixie cron reads it.
  const auto cron = CronExpression::parse("0 12 13 * FRI");
  EXPECT_EQ(cron.next_after(utc(2026, 11, 25, 0, 0)), utc(2026, 11, 27, 12, 0));   // Friday the 27th
  EXPECT_EQ(cron.next_after(utc(2026, 12, 11, 13, 0)), utc(2026, 12, 13, 12, 0));  // Sunday the 13th
}

TEST_F(CronTest, TheTimeZoneIsHonoured) {
  set_process_time_zone("America/Chicago");
  // 02:00 in Chicago in November (CST, UTC-6) is 08:00 UTC.
  EXPECT_EQ(CronExpression::parse("0 2 * * *").next_after(utc(2026, 11, 25, 0, 0)), utc(2026, 11, 25, 8, 0));
  EXPECT_THROW(set_process_time_zone("Mars/Olympus_Mons"), Error);
}

TEST_F(CronTest, BadExpressionsNameTheFieldAndValue) {
  for (const char* text : {"0 2 * *", "61 * * * *", "0 25 * * *", "* * 0 * *", "* * * 13 *", "*/0 * * * *",
                           "5-1 * * * *", "x * * * *", "* * * * FUNDAY", "1,,2 * * * *"}) {
    try {
      CronExpression::parse(text);
      FAIL() << "accepted '" << text << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_input) << text;
      EXPECT_NE(std::string(e.what()).find("cron"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(CronExpression::parse("0 0 30 2 *").next_after(utc(2026, 1, 1, 0, 0)), Error);  // never fires
}

}  // namespace
}  // namespace hci::pipeline
