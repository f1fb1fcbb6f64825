#pragma once
// Parsers for the place files: ZIP centroids and the NCHS urban-rural classification of counties.

#include <functional>

#include "core/geography.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads geo/zip_centroids.csv: ZIP must be 5 digits, coordinates numeric and, for states and
/// territories, inside the US envelope (rows outside are quarantined); military and freely associated
/// postal codes keep their overseas coordinates.
void read_zip_centroids(CsvReader& reader, QualityReport& report, const std::function<void(ZipCentroid&)>& emit);

/// Reads counties/NCHSurb-rural-codes.csv: FIPS padded to 5 digits, codes 1..6 (null when blank).
void read_urban_rural_codes(CsvReader& reader, QualityReport& report, const std::function<void(County&)>& emit);

}  // namespace hci::ingest
