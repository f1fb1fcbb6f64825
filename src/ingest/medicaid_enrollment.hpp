#pragma once
// Parser for data.medicaid.gov's monthly Medicaid and CHIP applications, eligibility and enrollment file.

#include <functional>

#include "core/medicaid_enrollment.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads states/medicaid_chip_applications_eligibility_enrollment.csv: a known state, a YYYYMM period, Y/N
/// expansion and P/U report flags, whole non-negative counts (empty: null). CMS publishes a Preliminary and
/// an Updated report per state and month: the Updated one wins, a Preliminary one is kept only where no
/// Updated one exists, and a second report of the same kind is quarantined. Emits one record per state and
/// month, ordered by state and month, after the whole file is read.
void read_medicaid_enrollment(CsvReader& reader, QualityReport& report,
                              const std::function<void(MedicaidEnrollment&)>& emit);

}  // namespace hci::ingest
