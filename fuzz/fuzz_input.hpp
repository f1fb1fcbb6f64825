#pragma once
// Helpers shared by the fuzz targets: the input as a file (the parsers read files), and the contract every
// target checks: bad input may only end in hci::Error, never in a crash or another exception.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hci::fuzz {

/// A file in the temporary directory named after this process, removed when the process exits normally.
class ProcessTempFile {
 public:
  ProcessTempFile()
      : path_((std::filesystem::temp_directory_path() / ("hci-fuzz-" + std::to_string(::getpid()) + ".csv")).string()) {
  }
  ~ProcessTempFile() { std::remove(path_.c_str()); }
  ProcessTempFile(const ProcessTempFile&) = delete;
  ProcessTempFile& operator=(const ProcessTempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Writes the input to this process's temporary file and returns its path.
inline std::string input_file(const std::uint8_t* data, std::size_t size) {
  static const ProcessTempFile file;
  std::ofstream(file.path(), std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return file.path();
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
