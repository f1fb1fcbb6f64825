// The analytics, ranking and county routes over real HTTP: 503 until `hci analyze` has run, then the
// stored results, checked against SciPy reference values and independent counts.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "../analytics/reference_values.hpp"
#include "pipeline/analyze_dataset.hpp"
#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

using nlohmann::json;

class AnalyticsRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pipeline::analyze_dataset(*store::open_store(testing::ingested_store_uri()), "");
    served = new testing::ServedApi();
  }
  static void TearDownTestSuite() { delete served; }

  static json get_json(const std::string& target, int expected_status = 200) {
    auto reply = testing::http_get(served->port(), target);
    EXPECT_EQ(reply.status, expected_status) << target << "\n" << reply.body.substr(0, 400);
    return json::parse(reply.body);
  }

  // The cell of two variables in a served matrix.
  static std::map<std::string, double> matrix_cell(const json& matrix, const std::string& a, const std::string& b) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < matrix["variables"].size(); ++i) index[matrix["variables"][i]["name"]] = i;
    const auto i = index.at(a), j = index.at(b);
    return {{"r", matrix["r"][i][j]},
            {"n", matrix["n"][i][j]},
            {"p", matrix["p"][i][j]},
            {"ci_low", matrix["ci_low"][i][j]},
            {"ci_high", matrix["ci_high"][i][j]}};
  }

  static testing::ServedApi* served;
};

testing::ServedApi* AnalyticsRoutesTest::served = nullptr;

const json& reference() { return testing::reference_values().at("real_data"); }

}  // namespace

TEST(AnalyticsBeforeAnalyzeTest, RoutesSayNotComputedYetUntilAnalyzeAndReload) {
  testing::ServedApi served;
  for (const char* target : {"/api/v1/analytics/correlations", "/api/v1/analytics/insights", "/api/v1/rankings",
                             "/api/v1/counties", "/api/v1/analytics/access", "/api/v1/analytics/medicaid-expansion"}) {
    auto reply = testing::http_get(served.port(), target);
    EXPECT_EQ(reply.status, 503) << target;
    EXPECT_EQ(json::parse(reply.body)["type"], "urn:hci:problem:unavailable");
    EXPECT_NE(reply.body.find("hci analyze"), std::string::npos);
  }
  pipeline::analyze_dataset(*store::open_store(testing::ingested_store_uri()), "");
  served.api().reload();
  EXPECT_EQ(testing::http_get(served.port(), "/api/v1/analytics/insights").status, 200);
}

TEST_F(AnalyticsRoutesTest, CorrelationMatricesMatchScipyOnTheRawFiles) {
  for (const char* level : {"county", "state"}) {
    const json pearson = get_json(std::string("/api/v1/analytics/correlations?level=") + level)["data"];
    const json spearman =
        get_json(std::string("/api/v1/analytics/correlations?method=spearman&level=") + level)["data"];
    EXPECT_EQ(pearson["method"], "pearson");
    for (const auto& [key, expected] : reference().at(std::string(level) + "_correlations").items()) {
      const auto tilde = key.find('~');
      const auto p = matrix_cell(pearson, key.substr(0, tilde), key.substr(tilde + 1));
      const auto s = matrix_cell(spearman, key.substr(0, tilde), key.substr(tilde + 1));
      EXPECT_EQ(p.at("n"), expected["n"].get<double>()) << key;
      EXPECT_NEAR(p.at("r"), expected["pearson_r"].get<double>(), 1e-9) << key;
      EXPECT_NEAR(p.at("ci_low"), expected["pearson_ci"][0].get<double>(), 1e-9) << key;
      EXPECT_NEAR(p.at("ci_high"), expected["pearson_ci"][1].get<double>(), 1e-9) << key;
      const double expected_p = expected["pearson_p"].get<double>();
      if (expected_p < 1e-250) {
        EXPECT_LT(p.at("p"), 1e-250) << key;  // both below what a double tells apart from zero
      } else {
        EXPECT_NEAR(p.at("p") / expected_p, 1.0, 1e-6) << key;
      }
      EXPECT_NEAR(s.at("r"), expected["spearman_rho"].get<double>(), 1e-9) << key;
    }
  }
}

TEST_F(AnalyticsRoutesTest, PairGivesTheScatterWithBothCoefficients) {
  const json pair =
      get_json("/api/v1/analytics/correlations/pair?x=median_household_income_real&y=chr_life_expectancy")["data"];
  const json& expected = reference()["state_correlations"]["chr_life_expectancy~median_household_income_real"];
  EXPECT_EQ(pair["points"].size(), expected["n"].get<std::size_t>());
  EXPECT_NEAR(pair["pearson"]["r"].get<double>(), expected["pearson_r"].get<double>(), 1e-9);
  EXPECT_NEAR(pair["spearman"]["rho"].get<double>(), expected["spearman_rho"].get<double>(), 1e-9);
  EXPECT_GT(pair["fit"]["slope"].get<double>(), 0);
  const json problem = get_json("/api/v1/analytics/correlations/pair?x=nonsense", 400);
  EXPECT_EQ(problem["errors"].size(), 2u);  // unknown x, missing y
}

TEST_F(AnalyticsRoutesTest, InsightsCarryEvidenceAndFilterByCategory) {
  const json all = get_json("/api/v1/analytics/insights?limit=100");
  EXPECT_GE(all["meta"]["total"].get<int>(), 10);
  const json cost = get_json("/api/v1/analytics/insights?category=cost&limit=100");
  EXPECT_GT(cost["meta"]["total"].get<int>(), 0);
  EXPECT_LT(cost["meta"]["total"].get<int>(), all["meta"]["total"].get<int>());
  for (const auto& insight : cost["data"]) {
    EXPECT_EQ(insight["category"], "cost");
    EXPECT_TRUE(insight["evidence"].contains("test"));
  }
  get_json("/api/v1/analytics/insights?category=astrology", 400);
}

TEST_F(AnalyticsRoutesTest, RankingsOrderStatesLikeAnIndependentCount) {
  std::map<std::string, int> counts;
  for (const auto& h : testing::stored_hospitals()) ++counts[h.state];
  std::vector<std::pair<int, std::string>> expected;
  for (const auto& [state, n] : counts) expected.emplace_back(n, state);
  std::sort(expected.rbegin(), expected.rend());
  const json ranking = get_json("/api/v1/rankings?metric=hospital_count&limit=5")["data"];
  ASSERT_GE(ranking["data"].size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    const int value = expected[i].first;
    const auto larger = std::count_if(expected.begin(), expected.end(), [&](const auto& e) { return e.first > value; });
    EXPECT_EQ(ranking["data"][i]["value"].get<int>(), value);
    EXPECT_EQ(ranking["data"][i]["rank"].get<long>(), larger + 1);  // ties share the best rank
  }
  const json worst =
      get_json("/api/v1/rankings?metric=life_expectancy&level=county&state=MS&order=worst&limit=3")["data"];
  EXPECT_EQ(worst["order"], "asc");
  EXPECT_LE(worst["data"][0]["value"].get<double>(), worst["data"][1]["value"].get<double>());
  get_json("/api/v1/rankings?metric=no_such_metric", 400);
  get_json("/api/v1/rankings?metric=mean_rating&state=TX", 400);  // state needs level=county
}

TEST_F(AnalyticsRoutesTest, CountiesListAndProfileTheirHospitals) {
  const json delaware = get_json("/api/v1/counties?state=DE");
  EXPECT_EQ(delaware["meta"]["total"], 3);
  const json travis = get_json("/api/v1/counties/48453")["data"];
  std::vector<std::string> expected;
  for (const auto& h : testing::stored_hospitals()) {
    if (h.county_fips == "48453") expected.push_back(h.id);
  }
  EXPECT_EQ(travis["hospital_ids"].get<std::vector<std::string>>(), expected);
  EXPECT_GT(travis["measures"].size(), 60u);
  get_json("/api/v1/counties/99999", 404);
}

TEST_F(AnalyticsRoutesTest, CorrelatesRankEveryCountyMeasureByStrengthWithAdjustedP) {
  const json body = get_json("/api/v1/analytics/correlates?level=county&x=life_expectancy")["data"];
  EXPECT_EQ(body["x"]["name"], "life_expectancy");
  const json& list = body["correlates"];
  ASSERT_GT(list.size(), 70u);
  for (std::size_t i = 1; i < list.size(); ++i) {
    EXPECT_GE(std::fabs(list[i - 1]["r"].get<double>()), std::fabs(list[i]["r"].get<double>()));
  }
  // The same pair as the scatter's drill-down gives.
  const json pair = get_json("/api/v1/analytics/correlations/pair?level=county&x=life_expectancy&y=uninsured")["data"];
  for (const auto& c : list) {
    if (c["metric"]["name"] != "uninsured") continue;
    EXPECT_DOUBLE_EQ(c["r"].get<double>(), pair["pearson"]["r"].get<double>());
    EXPECT_EQ(c["n"], pair["n"]);
    EXPECT_GE(c["p_adjusted"].get<double>(), c["p_value"].get<double>());
  }
  get_json("/api/v1/analytics/correlates?level=county&x=no_such_metric", 400);
  get_json("/api/v1/analytics/correlates?level=state", 400);
}

TEST_F(AnalyticsRoutesTest, AccessSummarisesTheNationAndAState) {
  const json national = get_json("/api/v1/analytics/access")["data"];
  EXPECT_GT(national["national"]["zips"].get<int>(), 40000);
  EXPECT_EQ(national["care_deserts"].size(), 50u);
  EXPECT_FALSE(national.contains("counties"));
  const json with_counties = get_json("/api/v1/analytics/access?level=county")["data"];
  EXPECT_GT(with_counties["counties"].size(), 3000u);  // the county layer of the care-desert map
  const json montana = get_json("/api/v1/analytics/access?state=mt")["data"];
  EXPECT_EQ(montana["state"]["state"], "MT");
  EXPECT_GT(montana["state"]["share_farther_than_30km"].get<double>(),
            national["national"]["share_farther_than_30km"].get<double>());
  get_json("/api/v1/analytics/access?state=ZZ", 404);
}

TEST_F(AnalyticsRoutesTest, StateDetailCarriesItsProfileAndRanks) {
  const json texas = get_json("/api/v1/states/TX")["data"];
  ASSERT_TRUE(texas.contains("profile"));
  EXPECT_EQ(texas["profile"]["hospital_statistics"]["hospitals"],
            reference()["hospitals"]["by_state"]["TX"]["hospitals"]);
  EXPECT_EQ(texas["profile"]["metrics"]["hospital_count"]["rank"], 1);
}

TEST_F(AnalyticsRoutesTest, MedicaidExpansionServesTheStatsmodelsEstimates) {
  const json analysis = get_json("/api/v1/analytics/medicaid-expansion")["data"];
  const json& expected = testing::state_series_reference_values().at("outcomes");
  ASSERT_EQ(analysis["outcomes"].size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const json& served_outcome = analysis["outcomes"][i];
    EXPECT_EQ(served_outcome["indicator"], expected[i]["indicator"]);
    EXPECT_NEAR(served_outcome["estimates"][0]["estimate"]["effect"].get<double>(),
                expected[i]["all_states"]["effect"].get<double>(), 1e-6);
    EXPECT_NEAR(served_outcome["estimates"][0]["estimate"]["p_value"].get<double>(),
                expected[i]["all_states"]["p_value"].get<double>(), 1e-6);
  }
  EXPECT_EQ(analysis["states"].size(), 51u);
  get_json("/api/v1/analytics/medicaid-expansion?outcome=uninsured_share", 400);
}

TEST(AnalyticsBeforeAnalyzeTest, AnAnalysisStoredBeforeTheExpansionAnalysisExistedStillServesTheRest) {
  pipeline::analyze_dataset(*store::open_store(testing::ingested_store_uri()), "");
  auto store = store::open_store(testing::ingested_store_uri());
  const std::string version = store->find_dataset("")->version;
  auto documents = store->load_analysis(version);
  std::erase_if(documents, [](const AnalysisDocument& d) { return d.name == "medicaid_expansion"; });
  store->save_analysis(version, documents);
  testing::ServedApi served;
  EXPECT_EQ(testing::http_get(served.port(), "/api/v1/analytics/insights").status, 200);
  const auto reply = testing::http_get(served.port(), "/api/v1/analytics/medicaid-expansion");
  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find("before the Medicaid expansion analysis existed"), std::string::npos) << reply.body;
  pipeline::analyze_dataset(*store, "");  // the other tests of this binary read the full analysis
}

}  // namespace hci
