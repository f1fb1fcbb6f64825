#pragma once
// A DatasetSink that keeps hospitals, ZIP centroids, counties and indicators and counts every other record,
// for ingest tests.

#include <vector>

#include "core/dataset_sink.hpp"

namespace hci::testing {

/// Records what ingest sends, without a database.
struct CountingSink : DatasetSink {
  std::vector<Hospital> hospitals;
  std::vector<ZipCentroid> zips;
  std::vector<County> counties;
  std::vector<StateIndicator> indicators;
  int unemployment = 0, measures = 0, definitions = 0, measure_values = 0, other_records = 0;

  void receive(RecordRef record) override {
    std::visit([this](const auto* r) { keep(*r); }, record);
  }

 private:
  void keep(const Hospital& h) { hospitals.push_back(h); }
  void keep(const ZipCentroid& z) { zips.push_back(z); }
  void keep(const County& c) { counties.push_back(c); }
  void keep(const StateIndicator& i) { indicators.push_back(i); }
  void keep(const StateUnemployment&) { ++unemployment; }
  void keep(const AreaMeasure&) { ++measures; }
  void keep(const MeasureDefinition&) { ++definitions; }
  void keep(const MeasureValue&) { ++measure_values; }
  template <typename Record>
  void keep(const Record&) {
    ++other_records;
  }
};

}  // namespace hci::testing
