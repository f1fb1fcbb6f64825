#pragma once
// Parser for the CMS Footnote Crosswalk.

#include <functional>

#include "core/cms_footnote.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// Reads cms/Footnote_Crosswalk.csv: a code of at most 8 characters, given once, and its text; a row
/// without either, or repeating a code, is quarantined.
void read_cms_footnotes(CsvReader& reader, QualityReport& report, const std::function<void(CmsFootnote&)>& emit);

}  // namespace hci::ingest
