#include "pipeline/cron.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

#include "core/error.hpp"

namespace hci::pipeline {

namespace {

constexpr const char* kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char* kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct FieldSpec {
  const char* name;
  int low;
  int high;
  const char* const* names;  // value names starting at `low` (or null)
  int name_count;
};

const FieldSpec kFields[] = {{"minute", 0, 59, nullptr, 0},
                             {"hour", 0, 23, nullptr, 0},
                             {"day of month", 1, 31, nullptr, 0},
                             {"month", 1, 12, kMonthNames, 12},
                             {"day of week", 0, 7, kDayNames, 7}};

[[noreturn]] void bad(const FieldSpec& field, std::string_view value, const std::string& why) {
  throw Error(ErrorCode::invalid_input, "cron " + std::string(field.name) + " '" + std::string(value) + "': " + why);
}

int value_of(const FieldSpec& field, std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (int i = 0; i < field.name_count; ++i) {
    if (upper == field.names[i]) return field.low + i;
  }
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    bad(field, text, "not a number");
  }
  const int value = std::atoi(std::string(text).c_str());
  if (value < field.low || value > field.high) {
    bad(field, text, "out of range " + std::to_string(field.low) + "-" + std::to_string(field.high));
  }
  return value;
}

// The values one comma-separated item selects: *, a, a-b, with an optional /step.
std::vector<int> item_values(const FieldSpec& field, std::string_view item) {
  int step = 1;
  if (auto slash = item.find('/'); slash != std::string_view::npos) {
    const auto step_text = item.substr(slash + 1);
    if (step_text.empty() ||
        !std::all_of(step_text.begin(), step_text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
        std::atoi(std::string(step_text).c_str()) < 1) {
      bad(field, item, "the step must be a positive number");
    }
    step = std::atoi(std::string(step_text).c_str());
    item = item.substr(0, slash);
  }
  int first = field.low, last = field.high;
  if (item != "*") {
    const auto dash = item.find('-');
    first = value_of(field, item.substr(0, dash));
    last = dash == std::string_view::npos ? first : value_of(field, item.substr(dash + 1));
    if (dash == std::string_view::npos && step > 1) last = field.high;  // "5/15" means 5-max/15
    if (first > last) bad(field, item, "the range runs backwards");
  }
  std::vector<int> values;
  for (int v = first; v <= last; v += step) values.push_back(v);
  return values;
}

template <std::size_t N>
std::bitset<N> parse_field(const FieldSpec& field, std::string_view text) {
  if (text.empty()) bad(field, text, "empty");
  std::bitset<N> bits;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto item = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (item.empty()) bad(field, text, "an empty list item");
    for (int v : item_values(field, item)) bits.set(static_cast<std::size_t>(v));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return bits;
}

std::tm local_time(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm local{};
  localtime_r(&seconds, &local);
  return local;
}

}  // namespace

CronExpression CronExpression::parse(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) fields.push_back(text.substr(start, i - start));
  }
  if (fields.size() != 5) {
    throw Error(ErrorCode::invalid_input, "cron expression '" + std::string(text) + "' has " +
                                              std::to_string(fields.size()) +
                                              " fields; expected 5: minute hour day-of-month month day-of-week");
  }
  CronExpression cron;
  cron.text_ = std::string(text);
  cron.minutes_ = parse_field<60>(kFields[0], fields[0]);
  cron.hours_ = parse_field<24>(kFields[1], fields[1]);
  cron.days_ = parse_field<32>(kFields[2], fields[2]);
  cron.months_ = parse_field<13>(kFields[3], fields[3]);
  cron.weekdays_ = parse_field<8>(kFields[4], fields[4]);
  if (cron.weekdays_.test(7)) cron.weekdays_.set(0);
  cron.any_day_ = fields[2] == "*";
  cron.any_weekday_ = fields[4] == "*";
  return cron;
}

bool CronExpression::matches(const std::tm& t) const {
  if (!minutes_.test(static_cast<std::size_t>(t.tm_min)) || !hours_.test(static_cast<std::size_t>(t.tm_hour)) ||
      !months_.test(static_cast<std::size_t>(t.tm_mon + 1))) {
    return false;
  }
  const bool day = days_.test(static_cast<std::size_t>(t.tm_mday));
  const bool weekday = weekdays_.test(static_cast<std::size_t>(t.tm_wday));
  if (any_day_ || any_weekday_) return day && weekday;
  return day || weekday;
}

std::chrono::system_clock::time_point CronExpression::next_after(std::chrono::system_clock::time_point after) const {
  using namespace std::chrono;
  auto t = floor<minutes>(after) + minutes(1);
  const auto limit = t + hours(24 * 366 * 5);
  for (; t < limit; t += minutes(1)) {
    if (matches(local_time(t))) return t;
  }
  throw Error(ErrorCode::invalid_input, "cron expression '" + text_ + "' never fires");
}

std::chrono::system_clock::time_point CronExpression::previous_at_or_before(std::chrono::system_clock::time_point at,
                                                                            std::chrono::hours horizon) const {
  using namespace std::chrono;
  const auto start = floor<minutes>(at);
  for (auto t = start; t > start - horizon; t -= minutes(1)) {
    if (matches(local_time(t))) return t;
  }
  return at;
}

void set_process_time_zone(const std::string& zone) {
  if (zone != "UTC" && !std::filesystem::exists("/usr/share/zoneinfo/" + zone)) {
    throw Error(ErrorCode::invalid_input, "unknown time zone '" + zone +
                                              "' (expected an IANA name such as UTC or "
                                              "America/Chicago)");
  }
  setenv("TZ", zone.c_str(), 1);
  tzset();
}

}  // namespace hci::pipeline
