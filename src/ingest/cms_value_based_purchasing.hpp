#pragma once
// Parser for the Hospital Value-Based Purchasing (VBP) program files: one wide row per hospital, one file
// per domain (clinical outcomes, safety, person and community engagement, efficiency, total score).

#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// The VBP file being read: each holds the figures of one domain, or the domain and total scores.
enum class VbpFile { clinical_outcomes, safety, engagement, efficiency, total_performance };

/// Reads one hvbp_*.csv file. Per hospital it emits each measure's performance rate (30-day survival
/// MORT-30-*, COMP-HIP-KNEE, HAI-1..6 infection ratios, the eight HCAHPS dimensions, MSPB-1-VBP) with
/// CMS's points as its comparison ("VBP measure score: 7 out of 10"), or the domain scores and the Total
/// Performance Score (VBP-TPS). The row's Fiscal Year is the program year of every figure; the files give
/// no measurement dates.
void read_cms_value_based_purchasing(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                                     DatasetSink& sink, VbpFile which);

}  // namespace hci::ingest
