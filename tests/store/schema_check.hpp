#pragma once
// Checks the store's table descriptions against the schema the migrations built, read from the database's
// own catalogue (SQLite's pragmas, PostgreSQL's information_schema and pg_index).

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/sql/sql_connection.hpp"
#include "store/tables/manifest_tables.hpp"
#include "store/tables/record_tables.hpp"

namespace hci::testing {

/// A column as the catalogue reports it.
struct CatalogColumn {
  std::string type;  // as the dialect spells it: "TEXT", "double precision", ...
  bool nullable = false;
  bool generated = false;  // computed by the database (PostGIS geography), not written by the store
};

/// A table as the catalogue reports it.
struct CatalogTable {
  std::map<std::string, CatalogColumn> columns;
  std::vector<std::string> key;                             // primary key columns in order
  std::map<std::string, std::vector<std::string>> indexes;  // secondary index -> columns in order
};

/// Reads one table from SQLite's pragmas.
inline CatalogTable sqlite_catalog(store::SqlConnection& db, const std::string& table) {
  CatalogTable found;
  std::map<std::int64_t, std::string> key;
  store::for_each_row(db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", {table},
                      [&](const store::SqlRow& row) {
                        found.columns[row.string(0)] = {row.string(1), row.integer(2) == 0, false};
                        if (row.integer(3) > 0) key[row.integer(3)] = row.string(0);
                      });
  for (const auto& [position, column] : key) found.key.push_back(column);
  std::vector<std::string> names;
  store::for_each_row(db, "SELECT name FROM pragma_index_list(?) WHERE origin = 'c'", {table},
                      [&](const store::SqlRow& row) { names.push_back(row.string(0)); });
  for (const auto& name : names) {
    store::for_each_row(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", {name},
                        [&](const store::SqlRow& row) { found.indexes[name].push_back(row.string(0)); });
  }
  return found;
}

/// Reads one table from PostgreSQL's catalogue.
inline CatalogTable postgres_catalog(store::SqlConnection& db, const std::string& table) {
  CatalogTable found;
  store::for_each_row(db,
                      "SELECT column_name, data_type, is_nullable, is_generated FROM information_schema.columns"
                      " WHERE table_schema = 'public' AND table_name = ?",
                      {table}, [&](const store::SqlRow& row) {
                        found.columns[row.string(0)] = {row.string(1), row.text(2) == "YES", row.text(3) == "ALWAYS"};
                      });
  const std::string index_columns =
      "SELECT c.relname, i.indisprimary, string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i"
      " JOIN pg_class c ON c.oid = i.indexrelid"
      " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
      " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
      " WHERE i.indrelid = CAST(? AS regclass) GROUP BY c.relname, i.indisprimary";
  store::for_each_row(db, index_columns, {table}, [&](const store::SqlRow& row) {
    std::vector<std::string> columns;
    std::string list = row.string(2);
    for (std::size_t start = 0;;) {
      const std::size_t comma = list.find(',', start);
      columns.push_back(list.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (row.boolean(1)) {
      found.key = columns;
    } else {
      found.indexes[row.string(0)] = columns;
    }
  });
  return found;
}

/// How a dialect's migrations spell a logical column type.
inline std::set<std::string> spellings(std::string_view dialect, store::ColumnType type) {
  const bool sqlite = dialect == "sqlite";
  switch (type) {
    case store::ColumnType::text: return {sqlite ? "TEXT" : "text"};
    case store::ColumnType::integer:
      return sqlite ? std::set<std::string>{"INTEGER"} : std::set<std::string>{"integer", "bigint"};
    case store::ColumnType::real: return {sqlite ? "REAL" : "double precision"};
    case store::ColumnType::boolean: return {sqlite ? "INTEGER" : "boolean"};
  }
  return {};
}

/// Every column, the key and every index of `described` match the migrated table; the table has no
/// column or secondary index the description leaves out, except the database's own generated columns and
/// their (spatial) indexes.
inline void expect_table_matches(store::SqlConnection& db, const store::TableDescription& described) {
  const std::string dialect(db.dialect().name);
  const CatalogTable actual =
      dialect == "sqlite" ? sqlite_catalog(db, described.name) : postgres_catalog(db, described.name);
  const std::string where = dialect + " " + described.name;
  ASSERT_FALSE(actual.columns.empty()) << where << ": no such table";
  std::set<std::string> written;
  for (const auto& column : described.columns) {
    written.insert(column.name);
    auto it = actual.columns.find(column.name);
    ASSERT_NE(it, actual.columns.end()) << where << "." << column.name << ": no such column";
    EXPECT_TRUE(spellings(dialect, column.type).count(it->second.type))
        << where << "." << column.name << " is " << it->second.type << ", described as "
        << store::column_type_name(column.type);
    EXPECT_EQ(it->second.nullable, column.nullable) << where << "." << column.name << " nullability";
  }
  for (const auto& [name, column] : actual.columns) {
    EXPECT_TRUE(written.count(name) || column.generated) << where << "." << name << " is not described";
  }
  EXPECT_EQ(actual.key, described.key) << where << ": primary key";
  std::map<std::string, std::vector<std::string>> expected_indexes;
  for (const auto& index : described.indexes) expected_indexes[index.name] = index.columns;
  for (const auto& [name, columns] : actual.indexes) {
    const bool on_generated = actual.columns.at(columns.front()).generated;
    if (on_generated) continue;
    EXPECT_EQ(expected_indexes.count(name), 1u) << where << ": index " << name << " is not described";
  }
  for (const auto& [name, columns] : expected_indexes) {
    auto it = actual.indexes.find(name);
    ASSERT_NE(it, actual.indexes.end()) << where << ": no index " << name;
    EXPECT_EQ(it->second, columns) << where << ": index " << name;
  }
}

/// Checks the table of every record type and every manifest table on `db` (migrated).
inline void expect_every_description_matches(store::SqlConnection& db) {
  DatasetRecords::for_each(
      [&]<typename Record>() { expect_table_matches(db, store::record_table<Record>().description()); });
  for (const store::TableDescription* table : {&store::dataset_sources_table(), &store::quality_issues_table(),
                                               &store::quarantined_rows_table(), &store::states_table()}) {
    expect_table_matches(db, *table);
  }
}

}  // namespace hci::testing
