#pragma once
// The tables a load writes besides its records: where the version came from, what ingest found in it,
// the rows it quarantined and the jurisdictions it knows. Written with the same bulk path as records.

#include "store/sql/table_description.hpp"

namespace hci::store {

/// dataset_sources: each source file of a version, in the order ingest read it (position).
const TableDescription& dataset_sources_table();
/// quality_issues: the quality report's findings of a version.
const TableDescription& quality_issues_table();
/// quarantined_rows: the source rows of a version that broke a hard rule, with their reasons.
const TableDescription& quarantined_rows_table();
/// states: the states, DC and territories of a version.
const TableDescription& states_table();

}  // namespace hci::store
