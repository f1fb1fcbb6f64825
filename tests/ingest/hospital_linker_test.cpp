#include "ingest/hospital_linker.hpp"

#include <gtest/gtest.h>

namespace hci::ingest {

namespace {

HifldHospital record(std::string id, std::string name, std::string zip, std::string city, std::optional<int> beds,
                     bool open = true) {
  return HifldHospital{std::move(id), std::move(name), std::move(city), "WI", std::move(zip), "", open, beds};
}

Hospital hospital(std::string name, std::string zip, std::string city) {
  Hospital h;
  h.name = std::move(name);
  h.zip = std::move(zip);
  h.city = std::move(city);
  h.state = "WI";
  return h;
}

}  // namespace

TEST(HospitalLinker, MatchesAbbreviatedNamesOnTheSameZip) {
  HospitalLinker linker({record("1", "MERITER HSPTL", "53715", "MADISON", 426)});
  Hospital h = hospital("Meriter Hospital", "53715", "MADISON");
  EXPECT_EQ(linker.link(h), LinkOutcome::by_name_zip);
  EXPECT_EQ(h.beds, 426);
  EXPECT_EQ(h.hifld_id, "1");
}

TEST(HospitalLinker, FallsBackToNameAndCity) {
  HospitalLinker linker({record("1", "ST MARY'S HOSPITAL", "53715", "MADISON", 440)});
  Hospital h = hospital("SAINT MARYS HOSPITAL", "53792", "Madison");
  EXPECT_EQ(linker.link(h), LinkOutcome::by_name_city);
  EXPECT_EQ(h.beds, 440);
}

TEST(HospitalLinker, AmbiguousMatchesGiveNoBeds) {
  HospitalLinker linker(
      {record("1", "MERCY HOSPITAL", "53715", "MADISON", 20), record("2", "MERCY HOSPITAL", "53715", "MADISON", 300)});
  Hospital h = hospital("MERCY HOSPITAL", "53715", "MADISON");
  EXPECT_EQ(linker.link(h), LinkOutcome::ambiguous);
  EXPECT_FALSE(h.beds);
}

TEST(HospitalLinker, OpenRecordWinsOverClosedOne) {
  HospitalLinker linker({record("1", "MERCY HOSPITAL", "53715", "MADISON", 20, false),
                         record("2", "MERCY HOSPITAL", "53715", "MADISON", 300)});
  Hospital h = hospital("MERCY HOSPITAL", "53715", "MADISON");
  EXPECT_EQ(linker.link(h), LinkOutcome::by_name_zip);
  EXPECT_EQ(h.beds, 300);
}

TEST(HospitalLinker, UnmatchedHospitalStaysWithoutBeds) {
  HospitalLinker linker({record("1", "MERITER HSPTL", "53715", "MADISON", 426)});
  Hospital h = hospital("SOUTHEAST HEALTH MEDICAL CENTER", "36301", "DOTHAN");
  EXPECT_EQ(linker.link(h), LinkOutcome::unmatched);
  EXPECT_FALSE(h.beds);
}

}  // namespace hci::ingest
