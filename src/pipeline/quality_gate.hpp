#pragma once
// The quality gate of the pipeline: thresholds a freshly ingested version must meet before it is published.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hci::pipeline {

/// Limits on a version's quality report and summary; the defaults pass the bundled data with room.
struct QualityThresholds {
  long max_error_rows = 200;       // rows quarantined for breaking a hard rule
  double min_geocoded_pct = 95.0;  // hospitals placed by ZIP centroid
  long min_hospitals = 4000;       // a much shorter CMS file is a broken download, not a new reality
  double min_county_resolved_pct = 90.0;
};

/// What breaks the thresholds, one sentence each (empty when the version passes). `report` is the quality
/// report and `summary` the ingest summary stored with the version.
std::vector<std::string> quality_gate_violations(const QualityThresholds& limits, const nlohmann::json& report,
                                                 const nlohmann::json& summary);

}  // namespace hci::pipeline
