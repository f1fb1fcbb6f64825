#pragma once
// The ingest run: every source of a source directory, parsed, validated, geocoded and linked.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/dataset_sink.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// One file of a source directory: its logical name, its path under the source directory and what its
/// reader does with bytes that are not UTF-8.
struct SourceSpec {
  std::string_view name;
  std::string_view path;
  InvalidUtf8 invalid_utf8 = InvalidUtf8::reject;
};

/// The files a source directory must contain, in the order ingest reads them.
std::span<const SourceSpec> required_sources();

/// Called as ingest reads: source name, bytes read so far, file size.
using ProgressFn = std::function<void(std::string_view source, std::int64_t done, std::int64_t total)>;

/// What an ingest run produced besides the records it sent to the sink.
struct IngestResult {
  QualityReport report;
  nlohmann::json summary;  // headline counts: hospitals, rated, by type, by rating, geocoded %, ...
  std::string version;     // content hash of the sources
};

/// Reads every source of `source_dir` (see required_sources), streaming the CMS file so memory stays
/// bounded whatever its size, and sends each valid record to `sink`. Hospitals are geocoded by ZIP
/// centroid, given a county FIPS and linked to HIFLD for beds. Throws hci::Error for a missing file,
/// a missing column or malformed CSV; bad rows are quarantined in the report instead.
IngestResult ingest_sources(const std::filesystem::path& source_dir, DatasetSink& sink, const ProgressFn& progress);

}  // namespace hci::ingest
