#pragma once
// Parsers for the state panels: the long indicator panel and monthly unemployment.

#include <functional>

#include "core/indicators.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads states/state_indicators_long.csv: the state code must be known and agree with its FIPS,
/// the year lie in 1900..2100, the value be numeric, and *_share indicators lie in 0..1.
void read_state_indicators(CsvReader& reader, QualityReport& report, const std::function<void(StateIndicator&)>& emit);

/// Reads states/state_unemployment_monthly.csv: a known state, a YYYY-MM-01 date and a rate in 0..100 (%).
void read_state_unemployment(CsvReader& reader, QualityReport& report,
                             const std::function<void(StateUnemployment&)>& emit);

}  // namespace hci::ingest
