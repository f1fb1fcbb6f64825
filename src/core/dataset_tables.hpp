#pragma once
// Every record of one dataset version held in memory: what analytics and model training read.

#include <vector>

#include "core/dataset_sink.hpp"

namespace hci {

/// The typed tables of a dataset version, filled through the DatasetSink interface (from a store read or
/// straight from ingest). Plain data once filled; not thread-safe while filling.
class DatasetTables final : public DatasetSink {
 public:
  void add(const Hospital& hospital) override { hospitals.push_back(hospital); }
  void add(const ZipCentroid& centroid) override { zip_centroids.push_back(centroid); }
  void add(const County& county) override { counties.push_back(county); }
  void add(const StateIndicator& indicator) override { state_indicators.push_back(indicator); }
  void add(const StateUnemployment& rate) override { unemployment.push_back(rate); }
  void add(const AreaMeasure& measure) override { area_measures.push_back(measure); }
  void add(const MeasureDefinition& definition) override { measure_definitions.push_back(definition); }

  std::vector<Hospital> hospitals;
  std::vector<ZipCentroid> zip_centroids;
  std::vector<County> counties;
  std::vector<StateIndicator> state_indicators;
  std::vector<StateUnemployment> unemployment;
  std::vector<AreaMeasure> area_measures;
  std::vector<MeasureDefinition> measure_definitions;
};

}  // namespace hci
