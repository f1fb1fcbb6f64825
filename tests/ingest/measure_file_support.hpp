#pragma once
// What the measure file tests share: the real references (the bundled hospitals and crosswalk codes) and
// lookups into what a parser loaded or reported.

#include <algorithm>
#include <string>
#include <string_view>

#include "core/dataset_tables.hpp"
#include "ingest/measure_file.hpp"

namespace hci::ingest {

/// The test sources' cms/ folder.
inline const std::string kCms = std::string(HCI_SOURCE_DATA_DIR) + "/cms/";

/// The CCNs of the bundled Hospital General Information file, and every crosswalk code.
inline const MeasureReferences& real_references() {
  static const MeasureReferences references = [] {
    MeasureReferences r;
    CsvReader hospitals(kCms + "Hospital_General_Information.csv", "hgi");
    while (hospitals.next_row())
      r.hospitals.emplace(hospitals.field(0), static_cast<std::uint32_t>(r.hospitals.size()));
    CsvReader footnotes(kCms + "Footnote_Crosswalk.csv", "footnotes");
    while (footnotes.next_row()) r.footnotes.emplace(footnotes.field(0));
    return r;
  }();
  return references;
}

/// The loaded value of a facility and measure, or null.
inline const MeasureValue* find_value(const DatasetTables& tables, std::string_view facility,
                                      std::string_view measure) {
  const auto& values = tables.of<MeasureValue>();
  auto it = std::find_if(values.begin(), values.end(),
                         [&](const MeasureValue& v) { return v.facility_id == facility && v.measure_id == measure; });
  return it == values.end() ? nullptr : &*it;
}

/// The loaded catalogue entry of a measure, or null.
inline const HospitalMeasure* find_measure(const DatasetTables& tables, std::string_view id) {
  const auto& measures = tables.of<HospitalMeasure>();
  auto it = std::find_if(measures.begin(), measures.end(), [&](const HospitalMeasure& m) { return m.id == id; });
  return it == measures.end() ? nullptr : &*it;
}

/// The report's finding of a source and rule, or null.
inline const QualityFinding* find_finding(const QualityReport& report, std::string_view source, std::string_view rule) {
  for (const auto& finding : report.findings()) {
    if (finding.source == source && finding.rule == rule) return &finding;
  }
  return nullptr;
}

}  // namespace hci::ingest
