#include "analytics/medicaid_expansion_analysis.hpp"

#include <gtest/gtest.h>

#include "analytics/difference_in_differences.hpp"
#include "reference_values.hpp"
#include "support/ingested_store.hpp"

namespace hci::analytics {
namespace {

constexpr double kTolerance = 1e-6;

using Json = nlohmann::json;

const Json& analysis() {
  static const Json served = [] {
    const auto& tables = testing::stored_tables();
    return Json::parse(
        medicaid_expansion_analysis(tables.of<StateIndicator>(), tables.of<MedicaidEnrollment>()).dump());
  }();
  return served;
}

const Json& outcome(const Json& document, std::string_view indicator) {
  for (const auto& entry : document.at("outcomes")) {
    if (entry.at("indicator") == indicator) return entry;
  }
  throw std::runtime_error("no outcome " + std::string(indicator));
}

void expect_same_evidence(const Json& served, const Json& expected, const std::string& where) {
  for (const char* field : {"effect", "standard_error", "t", "p_value", "df"}) {
    EXPECT_NEAR(served.at(field).get<double>(), expected.at(field).get<double>(), kTolerance) << where << " " << field;
  }
  EXPECT_NEAR(served.at("ci_95")[0].get<double>(), expected.at("ci_95")[0].get<double>(), kTolerance) << where;
  EXPECT_NEAR(served.at("ci_95")[1].get<double>(), expected.at("ci_95")[1].get<double>(), kTolerance) << where;
}

TEST(MedicaidExpansionAnalysisTest, EveryStatesAdoptionFollowsTheDocumentedRuleAsAnIndependentReading) {
  const Json& expected = testing::state_series_reference_values().at("adoptions");
  const Json& served = analysis().at("states");
  ASSERT_EQ(served.size(), expected.size());
  ASSERT_EQ(served.size(), 51u);
  for (std::size_t i = 0; i < served.size(); ++i) {
    EXPECT_EQ(served[i].at("state"), expected[i].at("state"));
    EXPECT_EQ(served[i].at("group"), expected[i].at("group")) << expected[i].at("state");
    EXPECT_EQ(served[i].at("expanded_since"), expected[i].at("expanded_since")) << expected[i].at("state");
    EXPECT_EQ(served[i].at("adoption_year"), expected[i].at("adoption_year")) << expected[i].at("state");
  }
}

TEST(MedicaidExpansionAnalysisTest, DifferenceInDifferencesEstimatesEqualStatsmodelsClusteredOls) {
  for (const auto& expected : testing::state_series_reference_values().at("outcomes")) {
    const std::string indicator = expected.at("indicator");
    for (const auto& served : outcome(analysis(), indicator).at("estimates")) {
      const std::string sample = served.at("sample");
      const Json& reference = expected.at(sample);
      expect_same_evidence(served.at("estimate"), reference, indicator + " " + sample);
      EXPECT_EQ(served.at("observations"), reference.at("observations")) << indicator << " " << sample;
      EXPECT_EQ(served.at("states"), reference.at("states")) << indicator << " " << sample;
      EXPECT_EQ(served.at("treated_states"), reference.at("treated_states")) << indicator << " " << sample;
    }
  }
}

TEST(MedicaidExpansionAnalysisTest, EventStudyEqualsStatsmodelsWithMinusOneAsTheReference) {
  for (const auto& expected : testing::state_series_reference_values().at("outcomes")) {
    const std::string indicator = expected.at("indicator");
    const Json& study = outcome(analysis(), indicator).at("event_study");
    std::size_t compared = 0;
    for (const auto& bin : study) {
      if (bin.at("reference")) {
        EXPECT_EQ(bin.at("event_time"), -1) << indicator;
        continue;
      }
      for (const auto& reference : expected.at("event_study")) {
        if (reference.at("event_time") != bin.at("event_time")) continue;
        expect_same_evidence(bin, reference, indicator + " event " + bin.at("event_time").dump());
        EXPECT_EQ(bin.at("observations"), reference.at("observations"));
        ++compared;
      }
    }
    EXPECT_EQ(compared, expected.at("event_study").size()) << indicator;
  }
}

TEST(MedicaidExpansionAnalysisTest, GroupTrendsAreTheMeansOfTheStatesWithAValue) {
  for (const auto& expected : testing::state_series_reference_values().at("outcomes")) {
    const std::string indicator = expected.at("indicator");
    for (const auto& served : outcome(analysis(), indicator).at("group_trends")) {
      const Json& reference = expected.at("group_trends").at(served.at("group").get<std::string>());
      const std::string where = indicator + " " + served.at("group").get<std::string>();
      for (const char* period : {"mean_before_2014", "mean_since_2014"}) {
        EXPECT_NEAR(served.at(period).get<double>(), reference.at(period).get<double>(), kTolerance) << where;
      }
      ASSERT_EQ(served.at("values").size(), reference.at("values").size()) << where;
      for (std::size_t i = 0; i < served.at("values").size(); ++i) {
        EXPECT_EQ(served.at("values")[i].at("year"), reference.at("values")[i].at("year")) << where;
        EXPECT_EQ(served.at("values")[i].at("states"), reference.at("values")[i].at("states")) << where;
        EXPECT_NEAR(served.at("values")[i].at("mean").get<double>(), reference.at("values")[i].at("mean").get<double>(),
                    kTolerance)
            << where;
      }
    }
  }
}

TEST(MedicaidExpansionAnalysisTest, TheMissingAcsYearAndTheEnrollmentGapAreNamed) {
  EXPECT_EQ(outcome(analysis(), "uninsured_share").at("missing_years"), Json::array({2020}));
  EXPECT_EQ(outcome(analysis(), "medicaid_chip_enrollment_per_100").at("missing_years"),
            Json::array({2014, 2015, 2016}));
  EXPECT_GE(analysis().at("caveats").size(), 4u);
}

TEST(DifferenceInDifferencesTest, RecoversAnExactEffectAndRefusesAPanelWithoutControls) {
  std::vector<PanelObservation> panel;
  const double state_level[] = {10, 20, 30, 40};
  for (int unit = 0; unit < 4; ++unit) {
    for (int year = 2010; year < 2016; ++year) {
      const std::optional<int> adoption = unit < 2 ? std::optional<int>(2013) : std::nullopt;
      const double noise = ((unit * 7 + year) % 3) * 0.01;
      const double effect = adoption && year >= *adoption ? -2.5 : 0;
      panel.push_back({std::to_string(unit), year, state_level[unit] + 0.5 * (year - 2010) + effect + noise, adoption});
    }
  }
  const auto did = two_way_fixed_effects(panel);
  ASSERT_TRUE(did);
  EXPECT_NEAR(did->effect.value, -2.5, 0.05);
  EXPECT_LT(did->effect.p_value, 0.01);
  EXPECT_EQ(did->units, 4u);
  EXPECT_EQ(did->treated_units, 2u);
  for (auto& row : panel) row.adoption_year = 2013;
  EXPECT_FALSE(two_way_fixed_effects(panel));
}

}  // namespace
}  // namespace hci::analytics
