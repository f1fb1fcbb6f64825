#pragma once
// Where parsed records go: the store implements it, tests can wrap it.

#include "core/geography.hpp"
#include "core/hospital.hpp"
#include "core/indicators.hpp"

namespace hci {

/// Receives the typed records of one dataset version as ingest produces them. Implementations may
/// throw hci::Error to abort the load; nothing written becomes visible until the load commits.
class DatasetSink {
 public:
  virtual ~DatasetSink() = default;
  /// A hospital that passed every hard rule.
  virtual void add(const Hospital& hospital) = 0;
  /// A ZIP centroid.
  virtual void add(const ZipCentroid& centroid) = 0;
  /// A county with its urban-rural codes.
  virtual void add(const County& county) = 0;
  /// A state-panel value.
  virtual void add(const StateIndicator& indicator) = 0;
  /// A monthly unemployment rate.
  virtual void add(const StateUnemployment& rate) = 0;
  /// A County Health Rankings value for a county, state or the nation.
  virtual void add(const AreaMeasure& measure) = 0;
  /// A County Health Rankings column definition.
  virtual void add(const MeasureDefinition& definition) = 0;
};

}  // namespace hci
