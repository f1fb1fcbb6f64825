#pragma once
// Parser for the Hospital Readmissions Reduction Program file (HRRP, one row per hospital and condition).

#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// Reads cms/Hospital_Readmissions_Reduction_Program_Hospital.csv. Per row (hospital x condition) it
/// emits the excess readmission ratio under CMS's id (READM-30-HF-HRRP, with the eligible discharges as
/// denominator) and the predicted rate, expected rate and number of readmissions under that id with
/// "-PREDICTED", "-EXPECTED" and "-READMISSIONS" appended, all of program year `fiscal_year` (the file
/// does not say it; its name does); a row of an unknown condition is rejected.
void read_cms_readmissions(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                           DatasetSink& sink, int fiscal_year);

}  // namespace hci::ingest
