#pragma once
// Parsers for CDC NCHS state series: infant mortality (Stats of the States) and the leading causes of death.

#include <functional>

#include "core/indicators.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads states/nchs_infant_mortality_by_state.csv into two panel indicators per state and year,
/// infant_mortality_rate (per 1,000 live births) and infant_deaths. The state is a USPS code or a full
/// name. A rate CDC withholds ("Unreliable"), leaves empty, or gives as 0 beside a death count is null
/// with its reason (the last also warned about), never a number.
void read_nchs_infant_mortality(CsvReader& reader, QualityReport& report,
                                const std::function<void(StateIndicator&)>& emit);

/// Reads states/nchs_leading_causes_of_death.csv into deaths_<cause> and age_adjusted_death_rate_<cause>
/// per state (or "US") and year, for the 10 leading causes and all causes. Deaths may carry thousands
/// separators; an unknown cause or state, or a second row for the same cause, state and year, is quarantined.
void read_nchs_causes_of_death(CsvReader& reader, QualityReport& report,
                               const std::function<void(StateIndicator&)>& emit);

}  // namespace hci::ingest
