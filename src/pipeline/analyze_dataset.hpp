#pragma once
// The analytics step of the pipeline: read a stored dataset version, analyse it, store the results with it.

#include <string>
#include <string_view>

#include "store/store.hpp"

namespace hci::pipeline {

/// What an analysis run produced.
struct AnalyzeOutcome {
  std::string version;
  std::size_t documents = 0;
  std::size_t insights = 0;
  std::size_t zips = 0;
};

/// Analyses the version whose hash starts with `version_prefix` (the current one when empty) and replaces
/// its stored analysis documents in one transaction. Throws hci::Error(not_found) when there is no such
/// version; a failure leaves the previous documents in place.
AnalyzeOutcome analyze_dataset(store::Store& store, std::string_view version_prefix);

}  // namespace hci::pipeline
