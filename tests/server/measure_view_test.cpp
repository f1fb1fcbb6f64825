// The served measure index: values streamed in any order come out grouped by hospital and ordered by
// measure, with their texts, and each measure's distribution counts only hospitals that have a value.

#include "server/measure_view.hpp"

#include <gtest/gtest.h>

namespace hci::server {
namespace {

Hospital hospital(std::string id, std::string state) {
  Hospital h;
  h.id = std::move(id);
  h.state = std::move(state);
  return h;
}

HospitalMeasure measure(std::string id) {
  HospitalMeasure m;
  m.id = std::move(id);
  m.direction = "lower_is_better";
  return m;
}

MeasureValue value(std::string facility, std::string measure_id, std::optional<double> number,
                   std::string reason = "") {
  MeasureValue v;
  v.facility_id = std::move(facility);
  v.measure_id = std::move(measure_id);
  v.value = number;
  v.missing_reason = std::move(reason);
  if (!number) v.footnote = "5";
  return v;
}

TEST(MeasureView, ValuesInAnyOrderAreGroupedByHospitalAndMeasure) {
  const std::vector<Hospital> hospitals{hospital("010001", "AL"), hospital("010005", "AL"), hospital("450001", "TX")};
  MeasureView::Builder builder(hospitals, 0);
  builder.add(value("450001", "MSPB-1", 0.9));  // before the catalogue, and out of key order
  builder.add(value("010005", "READM-30-HF-HRRP", std::nullopt, "Too Few to Report"));
  builder.add(measure("READM-30-HF-HRRP"));
  builder.add(measure("MSPB-1"));
  builder.add(value("010001", "READM-30-HF-HRRP", 1.05));
  builder.add(value("010001", "MSPB-1", 1.03));
  builder.add(value("999999", "MSPB-1", 1.0));         // not a hospital of the version: dropped
  builder.add(value("010005", "NOT-A-MEASURE", 1.0));  // not in the catalogue: dropped
  const auto view = builder.finish();

  ASSERT_EQ(view->measures().size(), 2u);
  EXPECT_EQ(view->measures()[0].id, "MSPB-1");  // the catalogue is ordered by id
  const auto first = view->values_of(0);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(view->measures()[first[0].measure].id, "MSPB-1");
  EXPECT_EQ(view->measures()[first[1].measure].id, "READM-30-HF-HRRP");
  const auto second = view->values_of(1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_FALSE(second[0].value);
  EXPECT_EQ(view->text(second[0].missing_reason), "Too Few to Report");
  EXPECT_EQ(view->text(second[0].footnote), "5");
  EXPECT_EQ(view->values_of(2).size(), 1u);

  const auto mspb = *view->find("MSPB-1");
  EXPECT_EQ(view->distribution(mspb).sorted, (std::vector<double>{0.9, 1.03}));
  EXPECT_EQ(view->distribution(mspb).by_state.at("TX"), std::vector<double>{0.9});
  const auto readmissions = *view->find("READM-30-HF-HRRP");
  EXPECT_EQ(view->distribution(readmissions).missing.at("Too Few to Report"), 1);
  EXPECT_EQ(view->hospitals_with(readmissions).size(), 1u);
  ASSERT_NE(view->value_of(0, readmissions), nullptr);
  EXPECT_EQ(*view->value_of(0, readmissions)->value, 1.05);
  EXPECT_EQ(view->value_of(2, readmissions), nullptr);
}

}  // namespace
}  // namespace hci::server
