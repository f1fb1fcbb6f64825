#pragma once
// A directory under /tmp that lives as long as the test, with helpers to write fixture files.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace hci::testing {

/// Creates a fresh directory and removes it, with its content, on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hci-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The directory.
  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating folders) and returns the full path.
  std::string write(const std::string& relative, std::string_view content) const {
    auto full = path_ / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << content;
    return full.string();
  }

 private:
  std::filesystem::path path_;
};

/// Copies the bundled real snapshot into `dir`, so a test can damage one file of it.
inline void copy_snapshot(const std::filesystem::path& dir) {
  std::filesystem::copy(HCI_SOURCE_DATA_DIR, dir, std::filesystem::copy_options::recursive);
}

/// The whole content of a file.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace hci::testing
