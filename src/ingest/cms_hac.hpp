#pragma once
// Parser for the Hospital-Acquired Condition (HAC) Reduction Program file (one wide row per hospital).

#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// Reads FY_<year>_HAC_Reduction_Program_Hospital.csv. Per hospital it emits the PSI 90 composite and the
/// five standardized infection ratios (CLABSI, CAUTI, SSI, CDI, MRSA) under ids of ours (HAC-PSI-90,
/// HAC-CLABSI-SIR, ...), each with its winsorized z-score ("-WZ") and footnote, and the Total HAC Score
/// (HAC-TOTAL-SCORE) with CMS's payment reduction verdict as its comparison. The row's Fiscal Year is
/// the program year of every figure.
void read_cms_hac(CsvReader& reader, QualityReport& report, const MeasureReferences& references, DatasetSink& sink);

}  // namespace hci::ingest
