#include "core/background_writer.hpp"

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

// Batches are refilled by copying over the records of an earlier batch: a record must arrive as given,
// never with a longer name, a bed count or a county left over from the record that used its slot.
TEST(BackgroundWriter, RefilledSlotsCarryNothingOverFromEarlierRecords) {
  testing::CountingSink target;
  BackgroundWriter writer(target, 5, 2);
  for (int i = 0; i < 200; ++i) {
    Hospital h;
    h.id = std::to_string(i);
    h.name = i % 2 == 0 ? std::string(40, 'L') + h.id : h.id;  // heap-sized, then short
    if (i % 2 == 0) h.beds = i;
    if (i % 3 == 0) h.county_fips = "01001";
    writer.add(h);
    if (i % 7 == 0) {  // a slot that held a hospital takes a county, and the other way round
      County county;
      county.fips = "4800" + std::to_string(i % 10);
      writer.add(county);
    }
  }
  writer.finish();
  ASSERT_EQ(target.hospitals.size(), 200u);
  for (int i = 0; i < 200; ++i) {
    const Hospital& h = target.hospitals[static_cast<size_t>(i)];
    ASSERT_EQ(h.name, i % 2 == 0 ? std::string(40, 'L') + h.id : h.id);
    ASSERT_EQ(h.beds, i % 2 == 0 ? std::optional<int>(i) : std::nullopt) << "hospital " << i;
    ASSERT_EQ(h.county_fips.has_value(), i % 3 == 0) << "hospital " << i;
  }
  ASSERT_EQ(target.counties.size(), 29u);
  EXPECT_EQ(target.counties.back().fips, "48006");
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
