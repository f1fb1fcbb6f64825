#include "core/indicators.hpp"

namespace hci {

bool is_proportion(const MeasureDefinition& definition) {
  const auto& text = definition.description;
  return text.rfind("Share", 0) == 0 || text.find("proportion") != std::string::npos;
}

}  // namespace hci
