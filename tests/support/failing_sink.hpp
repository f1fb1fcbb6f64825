#pragma once
// A DatasetSink decorator that injects a failure after N hospitals, in the middle of a load: by default it
// throws; a test can instead do something to the world (kill the database server) and carry on.

#include <functional>

#include "core/dataset_sink.hpp"
#include "core/error.hpp"

namespace hci::testing {

/// Forwards to `inner`; on the hospital after `fail_after` runs `failure` (default: throw hci::Error).
class FailingSink : public DatasetSink {
 public:
  FailingSink(
      DatasetSink& inner, int fail_after,
      std::function<void()> failure = [] { throw Error(ErrorCode::unavailable, "injected failure mid-load"); })
      : inner_(inner), remaining_(fail_after), failure_(std::move(failure)) {}
  void receive(RecordRef record) override {
    if (std::holds_alternative<const Hospital*>(record) && remaining_-- == 0) failure_();
    inner_.receive(record);
  }

 private:
  DatasetSink& inner_;
  int remaining_;
  std::function<void()> failure_;
};

}  // namespace hci::testing
