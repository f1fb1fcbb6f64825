#pragma once
// Parser for the HCAHPS patient survey (one row per hospital and survey item; 442k rows, read gzipped).

#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// Reads cms/HCAHPS-Hospital.csv.gz. Each row holds one value under its HCAHPS Measure ID: a star rating
/// (ids ending _STAR_RATING, 1-5), a linear mean score (_LINEAR_SCORE, 0-100) or an answer percent (the
/// rest), with the number of completed surveys as denominator and the value's footnote (the surveys'
/// footnote when the value has none). The catalogue name is CMS's question text.
void read_cms_patient_survey(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                             DatasetSink& sink);

}  // namespace hci::ingest
