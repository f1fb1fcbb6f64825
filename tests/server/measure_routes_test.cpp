// The measure routes over real HTTP: the catalogue, a measure's distribution, its hospitals best first,
// and a hospital's values with footnote text, checked against the stored records.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

using nlohmann::json;

const std::vector<MeasureValue>& stored_values() { return testing::stored_tables().of<MeasureValue>(); }

using MeasureRoutesTest = testing::ServedApiTest;

TEST_F(MeasureRoutesTest, TheCatalogueListsEveryMeasureWithItsHospitalCount) {
  const json all = get_json("/api/v1/measures?limit=500");
  EXPECT_EQ(all["meta"]["total"].get<std::size_t>(), testing::stored_tables().of<HospitalMeasure>().size());
  const json readmission = get_json("/api/v1/measures?group=readmission&limit=500");
  ASSERT_EQ(readmission["meta"]["total"], 24);
  const auto hf = std::find_if(readmission["data"].begin(), readmission["data"].end(),
                               [](const json& m) { return m["id"] == "READM-30-HF-HRRP"; });
  ASSERT_NE(hf, readmission["data"].end());
  const auto with_value = std::count_if(stored_values().begin(), stored_values().end(), [](const MeasureValue& v) {
    return v.measure_id == "READM-30-HF-HRRP" && v.value;
  });
  EXPECT_EQ((*hf)["hospitals_with_value"], with_value);
  EXPECT_EQ((*hf)["period"]["start"], "2020-07-01");
  EXPECT_EQ((*hf)["direction"], "lower_is_better");
  get_json("/api/v1/measures?group=nonsense", 400);
}

TEST_F(MeasureRoutesTest, AMeasureShowsItsDistributionAndMissingReasons) {
  const json detail = get_json("/api/v1/measures/READM-30-HF-HRRP")["data"];
  const json& distribution = detail["distribution"];
  EXPECT_LE(distribution["p10"].get<double>(), distribution["median"].get<double>());
  EXPECT_LE(distribution["median"].get<double>(), distribution["p90"].get<double>());
  EXPECT_GT(detail["missing"]["N/A"].get<int>(), 0);
  EXPECT_EQ(detail["national_basis"], "median of hospitals");
  const auto texas =
      std::find_if(detail["states"].begin(), detail["states"].end(), [](const json& s) { return s["state"] == "TX"; });
  ASSERT_NE(texas, detail["states"].end());
  EXPECT_GT((*texas)["n"].get<int>(), 100);
  const json problem = get_json("/api/v1/measures/NOT-A-MEASURE", 404);
  EXPECT_NE(problem["detail"].get<std::string>().find("NOT-A-MEASURE"), std::string::npos);
}

TEST_F(MeasureRoutesTest, HospitalsOfAMeasureComeBestFirstAndFilterByState) {
  const json best = get_json("/api/v1/measures/READM-30-HF-HRRP/hospitals?state=TX&limit=500");
  ASSERT_GT(best["data"].size(), 100u);
  for (std::size_t i = 1; i < best["data"].size(); ++i) {
    EXPECT_LE(best["data"][i - 1]["value"].get<double>(), best["data"][i]["value"].get<double>());  // lower is better
    EXPECT_EQ(best["data"][i]["state"], "TX");
  }
  double fewest = 5, most = 1;
  for (const auto& v : stored_values()) {
    if (v.measure_id != "H_STAR_RATING" || !v.value) continue;
    fewest = std::min(fewest, *v.value);
    most = std::max(most, *v.value);
  }
  const json stars = get_json("/api/v1/measures/H_STAR_RATING/hospitals?limit=3");
  EXPECT_EQ(stars["data"][0]["value"], most);  // higher is better: most stars first
  const json ascending = get_json("/api/v1/measures/H_STAR_RATING/hospitals?sort=value&limit=1");
  EXPECT_EQ(ascending["data"][0]["value"], fewest);
  get_json("/api/v1/measures/NOPE/hospitals", 404);
}

TEST_F(MeasureRoutesTest, AHospitalsValuesAreCmsValuesWithFootnoteTextWhenMissing) {
  // SOUTHEAST HEALTH MEDICAL CENTER: heart failure excess readmission ratio 1.0597 on 681 discharges (HRRP FY2025).
  const json body = get_json("/api/v1/hospitals/010001/measures")["data"];
  const auto& measures = body["measures"];
  auto find = [&](const json& list, std::string_view id) {
    return std::find_if(list.begin(), list.end(), [&](const json& m) { return m["measure_id"] == id; });
  };
  const auto hf = find(measures, "READM-30-HF-HRRP");
  ASSERT_NE(hf, measures.end());
  EXPECT_EQ((*hf)["value"], 1.0597);
  EXPECT_EQ((*hf)["denominator"], 681);
  EXPECT_EQ((*hf)["period"]["end"], "2023-06-30");
  EXPECT_TRUE((*hf)["national"].is_number());
  EXPECT_TRUE((*hf)["state"].is_number());
  EXPECT_TRUE((*hf)["percentile"].is_number());
  EXPECT_EQ(body["medicare_inpatient"]["year"], 2023);
  EXPECT_EQ(body["medicare_inpatient"]["discharges"], 4059);
  EXPECT_EQ(body["medicare_inpatient"]["medicare_payment"], 50914956);
  // A hospital whose HRRP ratio CMS did not publish: null, CMS's word, and the crosswalk's explanation.
  const auto missing = std::find_if(stored_values().begin(), stored_values().end(), [](const MeasureValue& v) {
    return v.measure_id == "READM-30-HF-HRRP" && !v.value && v.footnote == "5";
  });
  ASSERT_NE(missing, stored_values().end());
  const json other = get_json("/api/v1/hospitals/" + missing->facility_id + "/measures?group=readmission")["data"];
  const auto ratio = find(other["measures"], "READM-30-HF-HRRP");
  ASSERT_NE(ratio, other["measures"].end());
  EXPECT_TRUE((*ratio)["value"].is_null());
  EXPECT_EQ((*ratio)["missing_reason"], "N/A");
  EXPECT_EQ((*ratio)["footnote_text"][0], "Results are not available for this reporting period.");
  for (const auto& m : other["measures"]) EXPECT_EQ(m["group"], "readmission");
  get_json("/api/v1/hospitals/999999/measures", 404);
}

TEST_F(MeasureRoutesTest, TheHospitalDetailSummarisesItsMeasureGroups) {
  const json detail = get_json("/api/v1/hospitals/010001")["data"];
  EXPECT_EQ(detail["measure_groups"]["readmission"]["measures"], 24);
  EXPECT_TRUE(detail["measure_groups"]["readmission"]["median_better_percentile"].is_number());
  EXPECT_EQ(detail["medicare_inpatient"]["beneficiaries"], 3088);
}

TEST_F(MeasureRoutesTest, TheHospitalListFiltersAndSortsOnOneMeasure) {
  // Texas hospitals with a heart failure excess readmission ratio of at least 1.1, worst first.
  const json worst = get_json(
      "/api/v1/hospitals?state=TX&measure=READM-30-HF-HRRP&min_value=1.1&sort=-measure&limit=500&fields=id,state");
  const auto expected = std::count_if(stored_values().begin(), stored_values().end(), [&](const MeasureValue& v) {
    if (v.measure_id != "READM-30-HF-HRRP" || !v.value || *v.value < 1.1) return false;
    const auto& hospitals = testing::stored_tables().of<Hospital>();
    return std::any_of(hospitals.begin(), hospitals.end(),
                       [&](const Hospital& h) { return h.id == v.facility_id && h.state == "TX"; });
  });
  ASSERT_GT(expected, 5);
  ASSERT_EQ(worst["meta"]["total"], expected);
  for (std::size_t i = 0; i < worst["data"].size(); ++i) {
    EXPECT_GE(worst["data"][i]["measure_value"].get<double>(), 1.1);
    if (i > 0) {
      EXPECT_GE(worst["data"][i - 1]["measure_value"], worst["data"][i]["measure_value"]);
    }
  }
  // The full items carry the value too; a hospital without a value of the measure is not listed.
  const json full = get_json("/api/v1/hospitals?measure=MORT-30-HF&max_value=0.85&limit=5");
  ASSERT_FALSE(full["data"].empty());
  EXPECT_LE(full["data"][0]["measure_value"].get<double>(), 0.85);
  EXPECT_TRUE(full["data"][0]["name"].is_string());
  // Bounds need a measure, an unknown measure says where the catalogue is, and sort=measure needs one.
  EXPECT_NE(
      get_json("/api/v1/hospitals?min_value=1", 400)["errors"][0]["problem"].get<std::string>().find("needs measure"),
      std::string::npos);
  EXPECT_NE(get_json("/api/v1/hospitals?measure=NOPE", 400)["errors"][0]["problem"].get<std::string>().find(
                "/api/v1/measures"),
            std::string::npos);
  get_json("/api/v1/hospitals?sort=measure", 400);
  get_json("/api/v1/hospitals?measure=MSPB-1&min_value=2&max_value=1", 400);
}

TEST_F(MeasureRoutesTest, CompareShowsEachMeasureForEveryHospitalInTheOrderAsked) {
  const json all = get_json("/api/v1/hospitals/compare?ids=450056,010001&group=readmission")["data"];
  ASSERT_EQ(all["hospitals"].size(), 2u);
  ASSERT_EQ(all["measures"].size(), 24u);  // every readmission measure one of them has
  const auto hf = std::find_if(all["measures"].begin(), all["measures"].end(),
                               [](const json& m) { return m["measure_id"] == "READM-30-HF-HRRP"; });
  ASSERT_NE(hf, all["measures"].end());
  ASSERT_EQ((*hf)["values"].size(), 2u);
  EXPECT_EQ((*hf)["values"][1]["value"], 1.0597);  // 010001, as its own measures route says
  EXPECT_TRUE((*hf)["values"][1]["national"].is_number());
  for (const auto& m : all["measures"]) EXPECT_EQ(m["group"], "readmission");
  // Chosen measures come in the order asked; a hospital without a row for one gets null.
  const json chosen =
      get_json("/api/v1/hospitals/compare?ids=010001,450056&measures=MSPB-1,READM-30-HF-HRRP")["data"]["measures"];
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0]["measure_id"], "MSPB-1");
  EXPECT_EQ(chosen[1]["values"][0]["value"], 1.0597);
  const json refused = get_json("/api/v1/hospitals/compare?ids=010001&measures=NOPE", 400);
  EXPECT_EQ(refused["errors"][0]["name"], "measures");
  EXPECT_EQ(refused["errors"][0]["value"], "NOPE");
}

TEST_F(MeasureRoutesTest, ExportsCarryTheChosenMeasuresWithCmsWords) {
  const std::string admin = served->create_key("measure-export", "read,export");
  const std::string target = "/api/v1/export/hospitals?state=AL&measures=READM-30-HF-HRRP,MSPB-1&format=";
  const auto csv = testing::http_get(served->port(), target + "csv", "Authorization: Bearer " + admin + "\r\n");
  ASSERT_EQ(csv.status, 200) << csv.body;
  const std::string header = csv.body.substr(0, csv.body.find("\r\n"));
  EXPECT_NE(header.find(",READM-30-HF-HRRP,READM-30-HF-HRRP_missing_reason,READM-30-HF-HRRP_footnote,MSPB-1,"),
            std::string::npos)
      << header;
  const std::size_t row = csv.body.find("\r\n010001,");
  ASSERT_NE(row, std::string::npos);
  const std::string line = csv.body.substr(row + 2, csv.body.find("\r\n", row + 2) - row - 2);
  EXPECT_NE(line.find(",1.0597,,"), std::string::npos) << line;
  const json exported =
      json::parse(testing::http_get(served->port(), target + "json", "Authorization: Bearer " + admin + "\r\n").body);
  std::size_t with_value = 0, missing_with_word = 0;
  for (const auto& hospital : exported["data"]) {
    const json& hf = hospital["measures"]["READM-30-HF-HRRP"];
    with_value += hf["value"].is_number() ? 1 : 0;
    missing_with_word += hf["value"].is_null() && hf["missing_reason"].is_string() ? 1 : 0;
  }
  const auto expected = std::count_if(stored_values().begin(), stored_values().end(), [](const MeasureValue& v) {
    return v.measure_id == "READM-30-HF-HRRP" && v.value && v.facility_id.starts_with("01");
  });
  EXPECT_EQ(static_cast<long>(with_value), expected);
  EXPECT_GT(missing_with_word, 0u);  // "N/A" stays a word, never a 0
}

}  // namespace

}  // namespace hci
