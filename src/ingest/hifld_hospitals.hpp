#pragma once
// Parser for the HIFLD hospital layer, used only to give CMS hospitals their bed counts.

#include <functional>
#include <optional>
#include <string>

#include "ingest/csv_reader.hpp"
#include "ingest/quality_report.hpp"

namespace hci::ingest {

/// One HIFLD hospital record (an older vintage than CMS; it has no CMS Certification Number).
struct HifldHospital {
  std::string id;
  std::string name;
  std::string city;
  std::string state;
  std::string zip;  // 5 digits
  std::string county_fips;
  bool open = true;  // STATUS == OPEN
  std::optional<int> beds;
};

/// Reads hospitals/hifld_hospitals.csv; BEDS must be a whole number in 0..10000 when present.
void read_hifld_hospitals(CsvReader& reader, QualityReport& report, const std::function<void(HifldHospital&)>& emit);

}  // namespace hci::ingest
