#pragma once
// Parsers for County Health Rankings: the measure dictionary and the county / state measure files.

#include <functional>
#include <set>
#include <string>

#include "core/geography.hpp"
#include "core/indicators.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads counties/chr_county_measures_dictionary.csv.
void read_measure_dictionary(CsvReader& reader, QualityReport& report,
                             const std::function<void(MeasureDefinition&)>& emit);

/// The measures whose definition says they are a share or proportion, so their values must lie in 0..1.
std::set<std::string> proportion_measures(const std::vector<MeasureDefinition>& dictionary);

/// Which rows of a CHR measure file to keep: the county file repeats the state rows of the state file.
enum class ChrLevels { counties_only, states_and_nation };

/// Reads a CHR measure file (wide: one column per measure). Each non-empty value becomes an
/// AreaMeasure; values must be non-negative, and proportions (see proportion_measures) 0..1.
/// For county rows, `emit_county` also receives the county's name and state.
void read_chr_measures(CsvReader& reader, QualityReport& report, ChrLevels levels,
                       const std::set<std::string>& proportions, const std::function<void(AreaMeasure&)>& emit,
                       const std::function<void(County&)>& emit_county);

}  // namespace hci::ingest
