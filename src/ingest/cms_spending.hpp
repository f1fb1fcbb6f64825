#pragma once
// Parser for Medicare Spending Per Beneficiary (MSPB-1), one row per hospital.

#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// Reads cms/Medicare_Hospital_Spending_Per_Patient-Hospital.csv: the hospital's MSPB ratio (its spending
/// per episode against the national median episode, lower is better) under CMS's measure id.
void read_cms_spending(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                       DatasetSink& sink);

}  // namespace hci::ingest
