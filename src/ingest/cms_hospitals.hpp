#pragma once
// Parser for CMS Care Compare "Hospital General Information".

#include <functional>

#include "core/hospital.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads every row of the CMS hospital file, types each column ('Not Available' -> null, ZIP padded to
/// 5 digits, CCN padded to 6, Yes/No and Y -> bool, rating 1..5, measure counts as integers) and
/// passes valid hospitals to `emit`. Rows breaking a hard rule (unknown state, bad rating, duplicate
/// Facility ID, malformed number) are quarantined in `report`. Geocoding and linking happen later.
/// Throws invalid_input when a required column is missing or the CSV is malformed.
void read_cms_hospitals(CsvReader& reader, QualityReport& report, const std::function<void(Hospital&)>& emit);

}  // namespace hci::ingest
