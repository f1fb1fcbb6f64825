#include "core/dataset.hpp"

#include "core/sha256.hpp"

namespace hci {

std::string dataset_version_of(const std::vector<SourceFile>& sources) {
  Sha256 hasher;
  for (const auto& source : sources) {
    hasher.update(source.name);
    hasher.update("\n");
    hasher.update(source.sha256);
    hasher.update("\n");
  }
  return hasher.hex_digest();
}

}  // namespace hci
