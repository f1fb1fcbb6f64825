#pragma once
// A value bound to a statement parameter or written to a bulk load: NULL, a boolean, an integer, a
// real or a borrowed text.

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace hci::store {

/// One SQL value. Text is borrowed: the bytes must outlive the call the value is passed to.
class SqlValue {
 public:
  using Variant = std::variant<std::nullptr_t, bool, std::int64_t, double, std::string_view>;

  SqlValue(std::nullptr_t = nullptr) : value_(nullptr) {}
  SqlValue(bool value) : value_(value) {}
  template <std::integral Integer>
  SqlValue(Integer value) : value_(static_cast<std::int64_t>(value)) {}
  SqlValue(double value) : value_(value) {}
  SqlValue(std::string_view value) : value_(value) {}
  SqlValue(const std::string& value) : value_(std::string_view(value)) {}
  SqlValue(const char* value) : value_(std::string_view(value)) {}
  /// An empty optional is NULL.
  template <typename T>
  SqlValue(const std::optional<T>& value) : SqlValue(value ? SqlValue(*value) : SqlValue(nullptr)) {}

  /// The value, for std::visit.
  const Variant& get() const { return value_; }
  /// True for NULL.
  bool is_null() const { return std::holds_alternative<std::nullptr_t>(value_); }

 private:
  Variant value_;
};

}  // namespace hci::store
