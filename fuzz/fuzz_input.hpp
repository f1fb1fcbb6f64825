#pragma once
// Helpers shared by the fuzz targets: the input as a file (the parsers read files), and the contract every
// target checks: bad input may only end in hci::Error, never in a crash or another exception.

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hci::fuzz {

/// Writes the input to a per-process temporary file and returns its path.
inline std::string input_file(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/hci-fuzz-" + std::to_string(::getpid()) + ".csv";
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

/// Runs `work`; hci::Error is the expected way for bad input to end, anything else escapes to libFuzzer.
template <typename Work>
void expect_only_errors(Work work) {
  try {
    work();
  } catch (const Error&) {
  }
}

}  // namespace hci::fuzz
