// The hospital, state, summary, dataset and export routes over real HTTP, checked against an
// independent computation from the stored records.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/geo_distance.hpp"
#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

using nlohmann::json;

using testing::stored_hospitals;

long count_where(const std::function<bool(const Hospital&)>& predicate) {
  return std::count_if(stored_hospitals().begin(), stored_hospitals().end(), predicate);
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

using HospitalRoutesTest = testing::ServedApiTest;

}  // namespace

TEST_F(HospitalRoutesTest, FilterTotalsEqualAnIndependentCountOfTheStoredRows) {
  struct Case {
    std::string query;
    std::function<bool(const Hospital&)> predicate;
  };
  const std::vector<Case> cases{
      {"state=TX", [](const Hospital& h) { return h.state == "TX"; }},
      {"state=tx&emergency=true", [](const Hospital& h) { return h.state == "TX" && h.emergency_services; }},
      {"type=critical%20access%20hospitals", [](const Hospital& h) { return h.type == "Critical Access Hospitals"; }},
      {"min_rating=4", [](const Hospital& h) { return h.rating && *h.rating >= 4; }},
      {"min_rating=2&max_rating=3&state=CA",
       [](const Hospital& h) { return h.state == "CA" && h.rating && *h.rating >= 2 && *h.rating <= 3; }},
      {"rated=false", [](const Hospital& h) { return !h.rating; }},
      {"birthing_friendly=true&ownership=Proprietary",
       [](const Hospital& h) { return h.birthing_friendly && h.ownership == "Proprietary"; }},
      {"q=memorial",
       [](const Hospital& h) {
         return upper(h.name).find("MEMORIAL") != std::string::npos ||
                upper(h.city).find("MEMORIAL") != std::string::npos;
       }},
      {"city=houston", [](const Hospital& h) { return upper(h.city) == "HOUSTON"; }},
      {"county=cook&state=IL", [](const Hospital& h) { return h.state == "IL" && upper(h.county) == "COOK"; }},
      {"near=41.88,-87.63&radius_km=25",
       [](const Hospital& h) {
         return h.latitude && great_circle_metres(41.88, -87.63, *h.latitude, *h.longitude) <= 25000;
       }},
      // ZIP 77030's centroid as geo/zip_centroids.csv gives it (Census ZCTA point).
      {"near_zip=77030&radius_km=10",
       [](const Hospital& h) {
         return h.latitude && great_circle_metres(29.705557, -95.401754, *h.latitude, *h.longitude) <= 10000;
       }},
  };
  for (const auto& c : cases) {
    const json body = get_json("/api/v1/hospitals?" + c.query + "&limit=1");
    EXPECT_EQ(body["meta"]["total"].get<long>(), count_where(c.predicate)) << c.query;
    EXPECT_GT(body["meta"]["total"].get<long>(), 0) << c.query << " should match real hospitals";
  }
}

TEST_F(HospitalRoutesTest, WalkingAllPagesByOffsetReturnsTotalDistinctRows) {
  std::set<std::string> seen;
  std::string next = "/api/v1/hospitals?state=CA&limit=37";
  long total = -1;
  while (!next.empty()) {
    const json page = get_json(next);
    total = page["meta"]["total"].get<long>();
    for (const auto& hospital : page["data"]) EXPECT_TRUE(seen.insert(hospital["id"].get<std::string>()).second);
    next = page["links"].contains("next") ? page["links"]["next"].get<std::string>() : "";
  }
  EXPECT_EQ(static_cast<long>(seen.size()), total);
  EXPECT_EQ(total, count_where([](const Hospital& h) { return h.state == "CA"; }));
}

TEST_F(HospitalRoutesTest, WalkingAllPagesByCursorInRatingOrderReturnsTotalDistinctRows) {
  std::vector<json> rows;
  std::string next = "/api/v1/hospitals?state=NY&sort=-rating&limit=40";
  const json first = get_json(next);
  next = first["links"]["next_cursor"].get<std::string>();
  for (const auto& row : first["data"]) rows.push_back(row);
  while (!next.empty()) {
    const json page = get_json(next);
    for (const auto& row : page["data"]) rows.push_back(row);
    next = page["links"].contains("next") ? page["links"]["next"].get<std::string>() : "";
  }
  std::set<std::string> ids;
  for (const auto& row : rows) ids.insert(row["id"].get<std::string>());
  EXPECT_EQ(ids.size(), rows.size());
  EXPECT_EQ(static_cast<long>(rows.size()), first["meta"]["total"].get<long>());
  for (size_t i = 1; i < rows.size(); ++i) {  // descending ratings, nulls last
    if (rows[i]["rating"].is_null()) continue;
    ASSERT_FALSE(rows[i - 1]["rating"].is_null());
    EXPECT_GE(rows[i - 1]["rating"].get<int>(), rows[i]["rating"].get<int>());
  }
}

TEST_F(HospitalRoutesTest, EqualRatingsOrderByThePatientSurveyStarThenByName) {
  std::map<std::string, double> survey;
  const json survey_rows = get_json("/api/v1/measures/H_STAR_RATING/hospitals?state=TX&limit=1000")["data"];
  for (const auto& row : survey_rows) {
    survey[row["facility_id"].get<std::string>()] = row["value"].get<double>();
  }
  const json rows = get_json("/api/v1/hospitals?state=TX&emergency=true&sort=-rating&limit=100")["data"];
  auto stars = [&](const json& row) {
    auto it = survey.find(row["id"].get<std::string>());
    return it == survey.end() ? -1.0 : it->second;  // no survey star sorts last
  };
  std::size_t ties = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i]["rating"] != rows[i - 1]["rating"]) continue;
    ++ties;
    EXPECT_GE(stars(rows[i - 1]), stars(rows[i])) << rows[i]["id"];
    if (stars(rows[i - 1]) == stars(rows[i])) {
      EXPECT_LE(rows[i - 1]["name"], rows[i]["name"]) << rows[i]["id"];
    }
  }
  EXPECT_GT(ties, 20u);  // Texas has more five-star emergency hospitals than fit a top five
}

TEST_F(HospitalRoutesTest, NearZipNamesAnUnknownZipAndRefusesTwoPoints) {
  get_json("/api/v1/hospitals?near_zip=00000", 400);
  get_json("/api/v1/hospitals?near_zip=77030&near=29.7,-95.4", 400);
  const json nearest = get_json("/api/v1/hospitals?near_zip=77030&limit=3")["data"];
  ASSERT_EQ(nearest.size(), 3u);
  EXPECT_LE(nearest[0]["distance_km"].get<double>(), nearest[2]["distance_km"].get<double>());  // by distance
}

TEST_F(HospitalRoutesTest, LinkHeaderPointsToTheNextPage) {
  auto reply = testing::http_get(served->port(), "/api/v1/hospitals?state=TX&limit=50");
  EXPECT_EQ(reply.header("link"), "</api/v1/hospitals?state=TX&limit=50&offset=50>; rel=\"next\"");
}

TEST_F(HospitalRoutesTest, FieldsSelectsColumnsInTheOrderGiven) {
  const auto body = nlohmann::ordered_json::parse(
      testing::http_get(served->port(), "/api/v1/hospitals?state=VT&fields=name,rating,id&limit=3").body);
  ASSERT_EQ(body["data"].size(), 3u);
  EXPECT_EQ(body["data"][0].size(), 3u);
  EXPECT_EQ(body["data"][0].begin().key(), "name");
}

TEST_F(HospitalRoutesTest, HospitalDetailHasStateContextAndFiveNearestByDistance) {
  const json body = get_json("/api/v1/hospitals/450056");
  EXPECT_EQ(body["data"]["hospital"]["name"], "ASCENSION SETON MEDICAL CENTER AUSTIN");
  EXPECT_EQ(body["data"]["state_context"]["code"], "TX");
  EXPECT_EQ(body["data"]["hospital"]["rating_breakdown"]["mortality"]["measures"], 7);
  const auto& nearest = body["data"]["nearest"];
  ASSERT_EQ(nearest.size(), 5u);
  for (size_t i = 1; i < nearest.size(); ++i) {
    EXPECT_LE(nearest[i - 1]["distance_km"].get<double>(), nearest[i]["distance_km"].get<double>());
  }
  EXPECT_EQ(body["meta"]["source"]["sources"].size(), ingest::required_sources().size());
}

TEST_F(HospitalRoutesTest, ACcnWithoutItsLeadingZerosRedirectsToTheCanonicalUrl) {
  const auto with_zero = std::find_if(stored_hospitals().begin(), stored_hospitals().end(),
                                      [](const Hospital& h) { return h.id.front() == '0' && h.id[1] != '0'; });
  ASSERT_NE(with_zero, stored_hospitals().end());
  const std::string canonical = with_zero->id, as_number = canonical.substr(1);  // "010001" held as 10001
  auto detail = testing::http_get(served->port(), "/api/v1/hospitals/" + as_number);
  EXPECT_EQ(detail.status, 301);
  EXPECT_EQ(detail.header("location"), "/api/v1/hospitals/" + canonical);
  auto measures = testing::http_get(served->port(), "/api/v1/hospitals/" + as_number + "/measures?group=readmission");
  EXPECT_EQ(measures.status, 301);
  EXPECT_EQ(measures.header("location"), "/api/v1/hospitals/" + canonical + "/measures?group=readmission");
  EXPECT_EQ(get_json(measures.header("location"))["data"]["facility_id"], canonical);
  get_json("/api/v1/hospitals/999", 404);  // no hospital 000999: no redirect to a page that does not exist
}

TEST_F(HospitalRoutesTest, AnUnknownIdThatReadsAsANameSuggestsHospitalsByName) {
  const json problem = get_json("/api/v1/hospitals/memorial", 404);
  const std::string detail = problem["detail"];
  EXPECT_NE(detail.find("no hospital with id 'memorial' in this dataset; hospitals whose name contains it: "),
            std::string::npos)
      << detail;
  const auto named = count_where([](const Hospital& h) { return upper(h.name).find("MEMORIAL") != std::string::npos; });
  const auto listed = std::count(detail.begin(), detail.end(), '(');
  EXPECT_EQ(listed, std::min<long>(named, 5)) << detail;
  EXPECT_EQ(get_json("/api/v1/hospitals/NOPE00", 404)["detail"], "no hospital with id 'NOPE00' in this dataset");
}

TEST_F(HospitalRoutesTest, NearestEqualsABruteForceSearch) {
  const double lat = 39.74, lon = -104.99;
  const json body = get_json("/api/v1/hospitals/nearest?lat=39.74&lon=-104.99&k=7&emergency=true");
  std::vector<std::pair<double, std::string>> expected;
  for (const auto& h : stored_hospitals()) {
    if (h.latitude && h.emergency_services) {
      expected.emplace_back(great_circle_metres(lat, lon, *h.latitude, *h.longitude), h.id);
    }
  }
  std::sort(expected.begin(), expected.end());
  ASSERT_EQ(body["data"].size(), 7u);
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(body["data"][i]["id"], expected[i].second);
    EXPECT_NEAR(body["data"][i]["distance_km"].get<double>() * 1000, expected[i].first, 1.0);
  }
}

TEST_F(HospitalRoutesTest, CompareReturnsUpToThreeHospitalsInTheOrderAsked) {
  const json body = get_json("/api/v1/hospitals/compare?ids=450056,010001,330101");
  ASSERT_EQ(body["data"]["hospitals"].size(), 3u);
  EXPECT_EQ(body["data"]["hospitals"][1]["id"], "010001");
  const json refused = get_json("/api/v1/hospitals/compare?ids=450056,010001,330101,050454", 400);
  EXPECT_EQ(refused["errors"][0]["name"], "ids");
}

TEST_F(HospitalRoutesTest, StatesListAllJurisdictionsAndDetailAcceptsNames) {
  const json list = get_json("/api/v1/states");
  EXPECT_EQ(list["meta"]["total"], list["data"].size());
  const json texas = get_json("/api/v1/states/Texas");
  EXPECT_EQ(texas["data"]["code"], "TX");
  EXPECT_EQ(texas["data"]["hospital_count"], count_where([](const Hospital& h) { return h.state == "TX"; }));
  EXPECT_EQ(texas["data"]["ranks"]["hospital_count"]["rank"], 1);
  EXPECT_TRUE(texas["data"]["indicators"].contains("population"));
  get_json("/api/v1/states/Atlantis", 404);
}

TEST_F(HospitalRoutesTest, DashboardSummaryCountsTheRealData) {
  const json summary = get_json("/api/v1/dashboard/summary")["data"];
  EXPECT_EQ(summary["hospitals"], static_cast<long>(stored_hospitals().size()));
  EXPECT_EQ(summary["rated"], count_where([](const Hospital& h) { return h.rating.has_value(); }));
  EXPECT_EQ(summary["top_states_by_hospital_count"][0]["code"], "TX");
  long distribution = 0;
  for (const auto& bucket : summary["rating_distribution"]) distribution += bucket["count"].get<long>();
  EXPECT_EQ(distribution, summary["hospitals"].get<long>());
}

TEST_F(HospitalRoutesTest, DatasetsAndQualityReportOfTheCurrentVersion) {
  const json datasets = get_json("/api/v1/datasets");
  ASSERT_EQ(datasets["data"].size(), 1u);
  const std::string version = datasets["data"][0]["version"];
  const json quality = get_json("/api/v1/datasets/" + version.substr(0, 8) + "/quality");
  EXPECT_TRUE(quality["data"].is_object());
  get_json("/api/v1/datasets/ffffffff/quality", 404);
  get_json("/api/v1/datasets/ab/quality", 400);
}

}  // namespace hci
