#include "pipeline/background_writer.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "support/counting_sink.hpp"
#include "support/failing_sink.hpp"

namespace hci {

TEST(BackgroundWriter, DeliversEveryRecordInOrder) {
  testing::CountingSink target;
  BackgroundWriter writer(target, 7, 2);
  for (int i = 0; i < 1000; ++i) {
    Hospital h;
    h.id = std::to_string(i);
    writer.add(h);
  }
  writer.add(StateUnemployment{"TX", "2020-01", 4.0});
  writer.finish();
  ASSERT_EQ(target.hospitals.size(), 1000u);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(target.hospitals[static_cast<size_t>(i)].id, std::to_string(i));
  EXPECT_EQ(target.unemployment, 1);
}

TEST(BackgroundWriter, WriterFailureReachesTheProducer) {
  testing::CountingSink inner;
  testing::FailingSink failing(inner, 10);
  BackgroundWriter writer(failing, 4, 2);
  auto feed = [&] {
    for (int i = 0; i < 1000; ++i) writer.add(Hospital{});
    writer.finish();
  };
  try {
    feed();
    FAIL() << "the injected failure must surface";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "injected failure mid-load");
  }
  EXPECT_EQ(inner.hospitals.size(), 10u);
}

}  // namespace hci
