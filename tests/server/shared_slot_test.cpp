#include "server/shared_slot.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace hci::server {
namespace {

// A value whose halves must always agree: a reader that saw a half-replaced value would find them apart.
struct Version {
  long number;
  long copy;
};

TEST(SharedSlotTest, ReadersAlwaysSeeAWholeValueWhileAWriterReplacesIt) {
  SharedSlot<Version> slot;
  EXPECT_EQ(slot.load(), nullptr);
  slot.store(std::make_shared<const Version>(Version{0, 0}));

  std::atomic<bool> done{false};
  std::atomic<long> torn{0}, reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      long last = 0;
      while (!done) {
        auto value = slot.load();
        if (value->number != value->copy || value->number < last) ++torn;
        last = value->number;
        ++reads;
      }
    });
  }
  // The readers must be reading while the writer replaces the value: on a loaded machine the 20,000 stores
  // could otherwise finish before any reader was scheduled.
  while (reads < 4) std::this_thread::yield();
  for (long n = 1; n <= 20000; ++n) slot.store(std::make_shared<const Version>(Version{n, n}));
  done = true;
  for (auto& reader : readers) reader.join();

  EXPECT_EQ(torn, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(slot.load()->number, 20000);
}

}  // namespace
}  // namespace hci::server
