#pragma once
// A record type's table: its description plus, per column, how the column's value is taken from a record
// and put back. Inserts, COPY rows and reads are all generated from it, so no field order is written twice.

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/sql/sql_row.hpp"
#include "store/sql/sql_value.hpp"
#include "store/sql/table_description.hpp"

namespace hci::store {

/// One column of a record table and its field.
template <typename Record>
struct RecordColumn {
  Column column;
  SqlValue (*get)(const Record& record);                         // the field as a value to write
  void (*set)(Record& record, const SqlRow& row, int position);  // the field from a row's cell
};

/// The table of one record type. Every record table is versioned: its first column is dataset_id, and
/// its key starts with it. Immutable once built; safe to share between threads.
template <typename Record>
class RecordTable {
 public:
  /// `fields` are the columns after dataset_id; `key` the key columns after dataset_id.
  RecordTable(std::string name, std::vector<RecordColumn<Record>> fields, std::vector<std::string> key,
              std::vector<TableIndex> indexes = {})
      : fields_(std::move(fields)) {
    description_.name = std::move(name);
    description_.columns.push_back(Column{"dataset_id", ColumnType::integer, false});
    for (const auto& field : fields_) description_.columns.push_back(field.column);
    description_.key.push_back("dataset_id");
    for (auto& column : key) description_.key.push_back(std::move(column));
    description_.indexes = std::move(indexes);
    select_sql_ =
        "SELECT " + field_list() + " FROM " + description_.name + " WHERE dataset_id = ? ORDER BY " + order_by();
  }

  /// The table's description (dataset_id first).
  const TableDescription& description() const { return description_; }
  /// Appends the record's values in column order after dataset_id.
  void append_cells(const Record& record, std::vector<SqlValue>& cells) const {
    for (const auto& field : fields_) cells.push_back(field.get(record));
  }
  /// Fills `record` from a row of select_sql(), whose cell i is field i.
  void assign(Record& record, const SqlRow& row) const {
    for (std::size_t i = 0; i < fields_.size(); ++i) fields_[i].set(record, row, static_cast<int>(i));
  }
  /// The read of one version's rows in key order; its one parameter is the dataset id.
  const std::string& select_sql() const { return select_sql_; }

 private:
  std::string field_list() const {
    std::string list;
    for (const auto& field : fields_) list += (list.empty() ? "" : ", ") + field.column.name;
    return list;
  }
  std::string order_by() const {
    std::string list;
    for (std::size_t i = 1; i < description_.key.size(); ++i) list += (i > 1 ? ", " : "") + description_.key[i];
    return list;
  }

  TableDescription description_;
  std::vector<RecordColumn<Record>> fields_;
  std::string select_sql_;
};

/// The table of each record type of DatasetRecords, one definition per record type in
/// store/tables/<record>_table.cpp, declared in store/tables/record_tables.hpp.
template <typename Record>
const RecordTable<Record>& record_table();

namespace field_detail {

// How a C++ field type maps to a column type, and how its value is written and read.
template <typename Field>
struct FieldTraits;

template <>
struct FieldTraits<std::string> {
  static constexpr ColumnType type = ColumnType::text;
  static SqlValue get(const std::string& value) { return value; }
  static void set(std::string& field, const SqlRow& row, int i) { field.assign(row.text(i)); }
};

template <>
struct FieldTraits<int> {
  static constexpr ColumnType type = ColumnType::integer;
  static SqlValue get(int value) { return value; }
  static void set(int& field, const SqlRow& row, int i) { field = static_cast<int>(row.integer(i)); }
};

template <>
struct FieldTraits<std::int64_t> {
  static constexpr ColumnType type = ColumnType::integer;
  static SqlValue get(std::int64_t value) { return value; }
  static void set(std::int64_t& field, const SqlRow& row, int i) { field = row.integer(i); }
};

template <>
struct FieldTraits<double> {
  static constexpr ColumnType type = ColumnType::real;
  static SqlValue get(double value) { return value; }
  static void set(double& field, const SqlRow& row, int i) { field = row.real(i); }
};

template <>
struct FieldTraits<bool> {
  static constexpr ColumnType type = ColumnType::boolean;
  static SqlValue get(bool value) { return value; }
  static void set(bool& field, const SqlRow& row, int i) { field = row.boolean(i); }
};

template <typename T>
struct FieldTraits<std::optional<T>> {
  static constexpr ColumnType type = FieldTraits<T>::type;
  static SqlValue get(const std::optional<T>& value) { return value ? FieldTraits<T>::get(*value) : SqlValue(); }
  static void set(std::optional<T>& field, const SqlRow& row, int i) {
    if (row.is_null(i)) {
      field.reset();
      return;
    }
    if (!field) field.emplace();
    FieldTraits<T>::set(*field, row, i);
  }
};

template <typename Field>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

// The class a pointer to member belongs to.
template <typename MemberPointer>
struct MemberClass;
template <typename Class, typename Member>
struct MemberClass<Member Class::*> {
  using type = Class;
};

// The field reached from `object` by a path of pointers to members (a.*first).*second...
template <auto First, auto... Rest, typename Object>
constexpr auto& field_at(Object& object) {
  if constexpr (sizeof...(Rest) == 0) {
    return object.*First;
  } else {
    return field_at<Rest...>(object.*First);
  }
}

}  // namespace field_detail

/// A column for the field reached by a path of pointers to members, e.g. column<&Hospital::id>("id") or
/// column<&Hospital::mortality, &MeasureGroup::better>("mortality_better"). Its type and nullability follow
/// the field's C++ type (std::optional fields are nullable).
template <auto First, auto... Rest>
auto column(std::string name) {
  using Record = typename field_detail::MemberClass<decltype(First)>::type;
  using Field = std::remove_cvref_t<decltype(field_detail::field_at<First, Rest...>(std::declval<Record&>()))>;
  using Traits = field_detail::FieldTraits<Field>;
  return RecordColumn<Record>{
      Column{std::move(name), Traits::type, field_detail::IsOptional<Field>::value},
      [](const Record& record) { return Traits::get(field_detail::field_at<First, Rest...>(record)); },
      [](Record& record, const SqlRow& row, int i) {
        Traits::set(field_detail::field_at<First, Rest...>(record), row, i);
      }};
}

}  // namespace hci::store
