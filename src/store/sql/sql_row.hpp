#pragma once
// One row of a query result, read by column index (0-based, in the SELECT list's order).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hci::store {

/// A result row, valid only inside the callback that receives it. Each backend converts its own
/// representation (SQLite's typed cells, PostgreSQL's text) to these types.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  /// How many cells the row has.
  virtual int columns() const = 0;
  /// True when the cell is NULL.
  virtual bool is_null(int column) const = 0;
  /// The cell as an integer; throws hci::Error(internal) when it is not one.
  virtual std::int64_t integer(int column) const = 0;
  /// The cell as a real number; throws hci::Error(internal) when it is not one.
  virtual double real(int column) const = 0;
  /// The cell as a boolean.
  virtual bool boolean(int column) const = 0;
  /// The cell's text, empty for NULL; valid until the callback returns.
  virtual std::string_view text(int column) const = 0;

  /// The cell's text as a string.
  std::string string(int column) const { return std::string(text(column)); }
  /// The text, or nullopt for NULL.
  std::optional<std::string> optional_string(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(string(column));
  }
};

}  // namespace hci::store
