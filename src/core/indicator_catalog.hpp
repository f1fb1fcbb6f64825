#pragma once
// What each indicator of the state panel means to a reader: a plain label, a definition, its publisher,
// and one display convention (shares shown as percent), as KFF State Health Facts presents them.

#include <string>
#include <string_view>
#include <vector>

#include "core/metric_table.hpp"

namespace hci {

/// One state panel indicator for people: label, definition, publisher, and how its stored values are shown
/// (`display_unit`, and `scale` from stored to shown: 100 for a 0-1 share shown as percent).
struct IndicatorDefinition {
  std::string name;
  std::string label;
  std::string definition;
  std::string publisher;
  std::string display_unit;
  double scale = 1;
  Direction direction = Direction::neutral;
};

/// Every indicator the state panel holds, the cause-of-death rates and counts generated from the NCHS causes.
const std::vector<IndicatorDefinition>& indicator_catalog();

/// The definition of an indicator, or nullptr when the catalogue does not know it.
const IndicatorDefinition* find_indicator_definition(std::string_view name);

}  // namespace hci
