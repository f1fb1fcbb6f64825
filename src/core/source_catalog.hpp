#pragma once
// Who published each source of the bundled data (data/snapshot), which dataset and which release: the provenance
// every API payload cites (the long form is docs/data.md).

#include <optional>
#include <span>
#include <string_view>

namespace hci {

/// The provenance of one logical source ("cms_hospitals", ...).
struct SourceProvenance {
  std::string_view name;
  std::string_view agency;
  std::string_view dataset;
  std::string_view release;
};

/// Every source ingest knows, in ingest order.
std::span<const SourceProvenance> source_catalog();

/// The provenance of a source by its logical name, or nullopt.
std::optional<SourceProvenance> find_source_provenance(std::string_view name);

}  // namespace hci
