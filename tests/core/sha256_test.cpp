#include "core/sha256.hpp"

#include <gtest/gtest.h>

#include "core/dataset.hpp"
#include "support/temp_dir.hpp"

namespace hci {

TEST(Sha256, MatchesTheFips180TestVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, IncrementalUpdatesEqualOneShot) {
  Sha256 hasher;
  hasher.update("a");
  hasher.update("bc");
  EXPECT_EQ(hasher.hex_digest(), sha256_hex("abc"));
}

TEST(Sha256, HashesFilesByContent) {
  testing::TempDir dir;
  EXPECT_EQ(sha256_file_hex(dir.write("f.txt", "abc")), sha256_hex("abc"));
}

TEST(DatasetVersion, ChangesWhenAnySourceChanges) {
  std::vector<SourceFile> sources{{"a", "a.csv", "11", 1, 1}, {"b", "b.csv", "22", 1, 1}};
  const std::string before = dataset_version_of(sources);
  EXPECT_EQ(before, dataset_version_of(sources));
  sources[1].sha256 = "23";
  EXPECT_NE(before, dataset_version_of(sources));
}

}  // namespace hci
