#include "ingest/hifld_hospitals.hpp"

#include "core/text.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {
constexpr int kMaxBeds = 10'000;
}

void read_hifld_hospitals(CsvReader& reader, QualityReport& report, const std::function<void(HifldHospital&)>& emit) {
  ColumnMap map(reader);
  const Column id = map.require("ID"), name = map.require("NAME"), city = map.require("CITY"),
               state = map.require("STATE"), zip = map.require("ZIP"), status = map.require("STATUS"),
               county_fips = map.require("COUNTYFIPS"), beds = map.require("BEDS");
  map.check();
  RowValidator row(reader, "hifld_hospitals", report);
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    HifldHospital h;
    h.id = row.required_text(id);
    h.name = row.required_text(name);
    h.city = std::string(row.text(city));
    h.state = std::string(row.text(state));
    h.zip = zero_pad(row.text(zip), 5);
    h.county_fips = std::string(row.text(county_fips));
    h.open = row.text(status) != "CLOSED";
    auto bed_count = row.integer(beds, 0, kMaxBeds);
    if (bed_count) h.beds = static_cast<int>(*bed_count);
    if (row.end_row()) emit(h);
  }
}

}  // namespace hci::ingest
