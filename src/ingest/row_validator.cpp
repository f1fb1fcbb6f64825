#include "ingest/row_validator.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "ingest/field_parse.hpp"

namespace hci::ingest {

namespace {

std::string quoted(std::string_view value) {
  constexpr size_t kMaxShown = 60;
  if (value.size() > kMaxShown) return "'" + std::string(value.substr(0, kMaxShown)) + "...'";
  return "'" + std::string(value) + "'";
}

template <typename T>
std::string range_text(T min, T max) {
  auto show = [](T v) {
    std::string s = std::to_string(v);
    if constexpr (std::is_floating_point_v<T>) {
      s.erase(s.find_last_not_of('0') + 1);
      if (s.back() == '.') s.pop_back();
    }
    return s;
  };
  return show(min) + ".." + show(max);
}

}  // namespace

Column ColumnMap::require(std::string_view name) {
  const auto& header = reader_.header();
  auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) {
    missing_.emplace_back(name);
    return Column{0, std::string(name)};
  }
  return Column{static_cast<size_t>(it - header.begin()), std::string(name)};
}

void ColumnMap::check() const {
  if (missing_.empty()) return;
  std::string list;
  for (const auto& name : missing_) list += (list.empty() ? "'" : ", '") + name + "'";
  reader_.fail(1, 1, "missing required column" + std::string(missing_.size() > 1 ? "s " : " ") + list);
}

RowValidator::RowValidator(CsvReader& reader, std::string source, QualityReport& report)
    : reader_(reader), source_(std::move(source)), report_(report) {
  report_.track_columns(source_, reader_.header());
}

bool RowValidator::begin_row() {
  failures_.clear();
  const size_t expected = reader_.header().size();
  if (reader_.field_count() != expected) {
    std::string reason = "expected " + std::to_string(expected) + " fields as in the header, got " +
                         std::to_string(reader_.field_count());
    report_.quarantine(QuarantinedRow{source_, reader_.line(), reason, reader_.row_as_csv()}, "shape", "(row)");
    return false;
  }
  auto& counts = report_.completeness(source_);
  for (size_t i = 0; i < counts.size(); ++i) {
    ++counts[i].rows;
    if (!is_missing(reader_.field(i))) ++counts[i].present;
  }
  return true;
}

std::string_view RowValidator::text(const Column& column) const { return trim(reader_.field(column.index)); }

std::string RowValidator::required_text(const Column& column) {
  std::string_view value = text(column);
  if (is_missing(value)) reject(column, "completeness", "required value is missing");
  return std::string(value);
}

std::optional<std::int64_t> RowValidator::integer(const Column& column, std::int64_t min, std::int64_t max) {
  std::string_view raw = text(column);
  if (is_missing(raw)) return std::nullopt;
  auto value = to_int(raw);
  if (!value) {
    reject(column, "type", "expected a whole number, got " + quoted(raw));
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    reject(column, "range", "expected " + range_text(min, max) + ", got " + quoted(raw));
    return std::nullopt;
  }
  return value;
}

std::optional<double> RowValidator::number(const Column& column, double min, double max) {
  std::string_view raw = text(column);
  if (is_missing(raw)) return std::nullopt;
  auto value = to_double(raw);
  if (!value) {
    reject(column, "type", "expected a number, got " + quoted(raw));
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    reject(column, "range", "expected " + range_text(min, max) + ", got " + quoted(raw));
    return std::nullopt;
  }
  return value;
}

double RowValidator::required_number(const Column& column, double min, double max) {
  if (is_missing(text(column))) {
    reject(column, "completeness", "required value is missing");
    return 0;
  }
  return number(column, min, max).value_or(0);
}

bool RowValidator::flag(const Column& column, std::string_view yes, std::string_view no) {
  std::string_view raw = text(column);
  if (raw == yes) return true;
  if (raw == no) return false;
  reject(column, "type", "expected " + quoted(yes) + " or " + quoted(no) + ", got " + quoted(raw));
  return false;
}

void RowValidator::reject(const Column& column, const std::string& rule, const std::string& message) {
  failures_.push_back(Failure{rule, column.name, location(column) + ": " + message});
}

void RowValidator::warn(const Column& column, const std::string& rule, const std::string& message) {
  report_.flag(source_, rule, column.name, Severity::warning,
               "line " + std::to_string(reader_.line()) + ": " + location(column) + ": " + message);
}

bool RowValidator::end_row() {
  if (failures_.empty()) return true;
  std::string reason = failures_.front().message;
  if (failures_.size() > 1) reason += " (and " + std::to_string(failures_.size() - 1) + " more)";
  report_.quarantine(QuarantinedRow{source_, reader_.line(), reason, reader_.row_as_csv()}, failures_.front().rule,
                     failures_.front().column);
  return false;
}

std::string RowValidator::location(const Column& column) const {
  return "column " + std::to_string(column.index + 1) + " '" + column.name + "'";
}

}  // namespace hci::ingest
