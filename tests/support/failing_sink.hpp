#pragma once
// A DatasetSink decorator that throws after N hospitals: a failure injected in the middle of a load.

#include "core/dataset_sink.hpp"
#include "core/error.hpp"

namespace hci::testing {

/// Forwards to `inner` and throws hci::Error(unavailable) on the hospital after `fail_after`.
class FailingSink : public DatasetSink {
 public:
  FailingSink(DatasetSink& inner, int fail_after) : inner_(inner), remaining_(fail_after) {}
  void add(const Hospital& h) override {
    if (remaining_-- == 0) throw Error(ErrorCode::unavailable, "injected failure mid-load");
    inner_.add(h);
  }
  void add(const ZipCentroid& z) override { inner_.add(z); }
  void add(const County& c) override { inner_.add(c); }
  void add(const StateIndicator& i) override { inner_.add(i); }
  void add(const StateUnemployment& u) override { inner_.add(u); }
  void add(const AreaMeasure& m) override { inner_.add(m); }
  void add(const MeasureDefinition& d) override { inner_.add(d); }

 private:
  DatasetSink& inner_;
  int remaining_;
};

}  // namespace hci::testing
