#pragma once
// Parser for CMS "Medicare Inpatient Hospitals - by Provider" (fee-for-service discharges and payments).

#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// Reads cms/Medicare_IP_Hospitals_by_Provider_<year>.csv for data year `year`: per hospital the
/// discharges, beneficiaries, covered days, submitted charges, total and Medicare payments, Medicare
/// payment per discharge (derived: Tot_Mdcr_Pymt_Amt / Tot_Dschrgs) and the average HCC risk score, under
/// ids "MEDICARE-IP-...". Amounts carry "$" and thousands separators. Names that are not UTF-8 are read as
/// Windows-1252 (open the reader with InvalidUtf8::repair_windows1252) and reported.
void read_medicare_inpatient(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                             DatasetSink& sink, int year);

}  // namespace hci::ingest
