#pragma once
// Identity and provenance of a dataset version.

#include <cstdint>
#include <string>
#include <vector>

namespace hci {

/// One source file that went into a dataset version.
struct SourceFile {
  std::string name;  // logical source name, e.g. "cms_hospitals"
  std::string path;  // path relative to the source directory
  std::string sha256;
  std::int64_t bytes = 0;
  std::int64_t rows = 0;  // data rows read (header excluded)
};

/// A dataset version as recorded in the store.
struct DatasetInfo {
  std::string version;     // content hash of the sources
  std::string created_at;  // ISO 8601 UTC
  std::string source_dir;
  bool is_current = false;
  std::int64_t hospital_count = 0;
  std::int64_t quarantined_count = 0;
  std::vector<SourceFile> sources;
  std::string summary_json;         // headline counts computed at ingest
  std::string quality_report_json;  // the full quality report
};

/// A named result of `hci analyze` (or another derived step), stored as JSON with the version it was
/// computed from, so readers never mix results of different versions.
struct AnalysisDocument {
  std::string name;
  std::string json;
};

/// The dataset version for a set of sources: SHA-256 over each source's name and content hash, in order.
std::string dataset_version_of(const std::vector<SourceFile>& sources);

}  // namespace hci
