#pragma once
// A DatasetSink that keeps hospitals and counts every other record, for ingest tests.

#include <vector>

#include "core/dataset_sink.hpp"

namespace hci::testing {

/// Records what ingest sends, without a database.
struct CountingSink : DatasetSink {
  std::vector<Hospital> hospitals;
  std::vector<ZipCentroid> zips;
  std::vector<County> counties;
  std::vector<StateIndicator> indicators;
  int unemployment = 0, measures = 0, definitions = 0;

  void add(const Hospital& h) override { hospitals.push_back(h); }
  void add(const ZipCentroid& z) override { zips.push_back(z); }
  void add(const County& c) override { counties.push_back(c); }
  void add(const StateIndicator& i) override { indicators.push_back(i); }
  void add(const StateUnemployment&) override { ++unemployment; }
  void add(const AreaMeasure&) override { ++measures; }
  void add(const MeasureDefinition&) override { ++definitions; }
};

}  // namespace hci::testing
