// The model routes over real HTTP, on models trained from the real snapshot in this process (training
// runs once for the whole file: ctest runs it as one test).

#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "pipeline/analyze_dataset.hpp"
#include "pipeline/train_models.hpp"
#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

using nlohmann::json;

class ModelRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served = new testing::ServedApi();
    untrained_models = testing::http_get(served->port(), "/api/v1/models").status;
    auto store = store::open_store(testing::ingested_store_uri());
    pipeline::analyze_dataset(*store, "");
    pipeline::train_models(*store, pipeline::TrainOptions{});
    served->api().reload();
    key = new std::string(served->create_key("model-routes", "read,predict"));
  }
  static void TearDownTestSuite() {
    delete served;
    delete key;
  }

  static json get_json(const std::string& target, int expected_status = 200) {
    auto reply = testing::http_get(served->port(), target);
    EXPECT_EQ(reply.status, expected_status) << target << "\n" << reply.body.substr(0, 400);
    return json::parse(reply.body);
  }
  static testing::HttpReply predict(const json& body) {
    return testing::http_request(served->port(), "POST", "/api/v1/predict/hospital-rating",
                                 "Authorization: Bearer " + *key + "\r\nContent-Type: application/json\r\n",
                                 body.dump());
  }

  static testing::ServedApi* served;
  static std::string* key;
  static int untrained_models;
};

testing::ServedApi* ModelRoutesTest::served = nullptr;
std::string* ModelRoutesTest::key = nullptr;
int ModelRoutesTest::untrained_models = 0;

}  // namespace

TEST_F(ModelRoutesTest, ModelsAre503UntilTrainedThenListedWithTheirMetrics) {
  EXPECT_EQ(untrained_models, 503);
  const json models = get_json("/api/v1/models")["data"];
  ASSERT_EQ(models.size(), 4u);
  const json rating = get_json("/api/v1/models/rating")["data"];
  EXPECT_GT(rating["metrics"]["r2"].get<double>(), 0.4);
  EXPECT_FALSE(rating["details"].contains("context"));
  EXPECT_GT(rating["details"]["importance_by_gain"].size(), 10u);
  get_json("/api/v1/models/astrology", 404);
}

TEST_F(ModelRoutesTest, PredictsARealHospitalAndAWhatIf) {
  const auto base = predict({{"facility_id", "450056"}});
  ASSERT_EQ(base.status, 200) << base.body;
  const json answer = json::parse(base.body)["data"];
  const double stars = answer["prediction"].get<double>();
  EXPECT_GT(stars, 1.0);
  EXPECT_LT(stars, 5.5);
  EXPECT_EQ(answer["model_version"], get_json("/api/v1/models/rating")["data"]["version"]);
  EXPECT_TRUE(answer["cv_metrics"].contains("r2"));
  const auto worse =
      predict({{"facility_id", "450056"}, {"count_of_mort_measures_worse", 4}, {"count_of_readm_measures_worse", 6}});
  ASSERT_EQ(worse.status, 200);
  EXPECT_NE(json::parse(worse.body)["data"]["prediction"].get<double>(), stars);
}

TEST_F(ModelRoutesTest, EachPredictionSaysWhatMovesTheStar) {
  const json answer = json::parse(predict({{"facility_id", "010001"}}).body)["data"];
  const json& explanation = answer["explanation"];
  // XGBoost's contributions add up to the prediction: the base value, the ten largest and the rest.
  double total = explanation["base_value"].get<double>() + explanation["others"].get<double>();
  for (const auto& input : explanation["inputs"]) total += input["contribution"].get<double>();
  EXPECT_NEAR(total, answer["prediction"].get<double>(), 1e-3);
  ASSERT_EQ(explanation["inputs"].size(), 10u);
  for (std::size_t i = 1; i < 10; ++i) {
    EXPECT_GE(std::fabs(explanation["inputs"][i - 1]["contribution"].get<double>()),
              std::fabs(explanation["inputs"][i]["contribution"].get<double>()));
  }
  double by_group = explanation["base_value"].get<double>();
  for (const auto& [group, sum] : explanation["by_group"].items()) by_group += sum.get<double>();
  EXPECT_NEAR(by_group, answer["prediction"].get<double>(), 1e-3);
  // The hospital's own measure values are inputs: its HF readmission ratio as CMS published it.
  const auto hf = predict({{"facility_id", "010001"}, {"READM-30-HF-HRRP", 1.6}, {"MORT-30-HF", 0.7}});
  ASSERT_EQ(hf.status, 200) << hf.body;
  EXPECT_NE(json::parse(hf.body)["data"]["prediction"].get<double>(), answer["prediction"].get<double>());
  EXPECT_EQ(predict({{"facility_id", "010001"}, {"READM-30-HF-HRRP", "high"}}).status, 422);
  // The hospital page's read-only route gives the same explanation beside CMS's own star.
  const json page = get_json("/api/v1/hospitals/010001/rating-explanation")["data"];
  EXPECT_NEAR(page["prediction"].get<double>(), answer["prediction"].get<double>(), 1e-9);
  EXPECT_EQ(page["explanation"]["inputs"], explanation["inputs"]);
  EXPECT_TRUE(page.contains("cms_rating"));
  get_json("/api/v1/hospitals/999999/rating-explanation", 404);
  // The model reports how the measure values changed it, on identical folds.
  const json metrics = get_json("/api/v1/models/rating")["data"]["metrics"];
  EXPECT_EQ(metrics["feature_sets"].size(), 2u);
  EXPECT_FALSE(metrics["importance_by_group"].empty());
}

TEST_F(ModelRoutesTest, ASparseBodyListsWhatWasImputed) {
  const auto reply = predict({{"hospital_type", "Critical Access Hospitals"}, {"state", "mt"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json imputed = json::parse(reply.body)["data"]["imputed"];
  EXPECT_NE(std::find(imputed.begin(), imputed.end(), "beds"), imputed.end());
  EXPECT_NE(std::find(imputed.begin(), imputed.end(), "hospital_ownership"), imputed.end());
  EXPECT_EQ(std::find(imputed.begin(), imputed.end(), "state"), imputed.end());
}

TEST_F(ModelRoutesTest, BadPredictionBodiesAre422NamingEachField) {
  auto reply = predict({{"hospital_type", 3}, {"colour", "blue"}, {"county_fips", "123"}, {"beds", -4}});
  EXPECT_EQ(reply.status, 422);
  const json problem = json::parse(reply.body);
  std::set<std::string> named;
  for (const auto& error : problem["errors"]) named.insert(error["name"].get<std::string>());
  EXPECT_EQ(named, (std::set<std::string>{"hospital_type", "colour", "county_fips", "beds"}));
  EXPECT_EQ(predict({{"state", "TX"}}).status, 422);            // hospital_type or facility_id is required
  EXPECT_EQ(predict({{"facility_id", "000000"}}).status, 422);  // unknown hospital
  EXPECT_EQ(predict({{"emergency_services", "yes"}, {"hospital_type", "Psychiatric"}}).status, 422);
}

TEST_F(ModelRoutesTest, ForecastsClustersAndCountyPredictions) {
  const json forecast = get_json("/api/v1/states/vermont/forecast")["data"];
  EXPECT_EQ(forecast["state"], "VT");
  EXPECT_EQ(forecast["targets"].size(), 2u);
  for (const auto& [target, years] : forecast["targets"].items()) {
    ASSERT_EQ(years.size(), 2u) << target;
    EXPECT_LT(years[0]["low"].get<double>(), years[0]["high"].get<double>());
  }
  const json clusters = get_json("/api/v1/clusters")["data"];
  EXPECT_EQ(clusters["clusters"].size(), 4u);
  const json texas = get_json("/api/v1/states/TX")["data"];
  EXPECT_TRUE(texas["cluster"].contains("label"));
  const json travis = get_json("/api/v1/counties/48453")["data"];
  EXPECT_NEAR(travis["life_expectancy_model"]["actual"].get<double>(), travis["life_expectancy"].get<double>(), 1e-9);
  EXPECT_GT(travis["life_expectancy_model"]["predicted"].get<double>(), 60);
}

}  // namespace hci
