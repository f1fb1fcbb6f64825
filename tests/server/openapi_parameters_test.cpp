// /openapi.json and the validators cannot disagree: for every read route, every documented range, choice
// list and length limit of a query parameter is the one the server enforces, checked over real HTTP with
// a value just inside and just outside what the document allows.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pipeline/analyze_dataset.hpp"
#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {
namespace {

using nlohmann::json;

class OpenApiParametersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pipeline::analyze_dataset(*store::open_store(testing::ingested_store_uri()), "");
    served = new testing::ServedApi();
  }
  static void TearDownTestSuite() { delete served; }

  // The problem the server gives for `path?name=value`, when it names `name`; empty otherwise.
  static std::string problem_for(const std::string& path, const std::string& name, const std::string& value) {
    const auto reply = testing::http_get(served->port(), path + "?" + name + "=" + value);
    if (reply.status != 400) return "";
    const json problem = json::parse(reply.body);
    for (const auto& error : problem["errors"]) {
      if (error["name"] == name) return error["problem"];
    }
    return "";
  }

  static testing::ServedApi* served;
};

testing::ServedApi* OpenApiParametersTest::served = nullptr;

// A value of the documented schema's type that the document itself rules out, and what the server must say.
struct OutOfBounds {
  std::string value;
  std::string problem;
};

std::vector<OutOfBounds> just_outside(const json& schema) {
  const std::string type = schema["type"];
  if (type == "integer") {
    return {{std::to_string(schema["maximum"].get<std::int64_t>() + 1), "must be between"},
            {std::to_string(schema["minimum"].get<std::int64_t>() - 1), "must be between"}};
  }
  if (type == "number") {
    return {{std::to_string(schema["maximum"].get<double>() + 1), "must be between"},
            {std::to_string(schema["minimum"].get<double>() - 1), "must be between"}};
  }
  if (schema.contains("enum")) return {{"not-one-of-them", "must be one of"}};
  if (schema.contains("maxLength")) {
    return {{std::string(schema["maxLength"].get<std::size_t>() + 1, 'x'), "longer than"}};
  }
  return {};
}

TEST_F(OpenApiParametersTest, EveryDocumentedBoundIsTheOneTheServerEnforces) {
  const json document = json::parse(testing::http_get(served->port(), "/openapi.json").body);
  int checked = 0;
  for (const auto& [path, operations] : document["paths"].items()) {
    if (path.find('{') != std::string::npos || !operations.contains("get")) continue;
    const json& get = operations["get"];
    if (get.value("x-scope", "") != "read") continue;
    for (const auto& parameter : get["parameters"]) {
      if (parameter["in"] != "query") continue;
      const std::string name = parameter["name"];
      for (const auto& [value, problem] : just_outside(parameter["schema"])) {
        EXPECT_NE(problem_for(path, name, value).find(problem), std::string::npos)
            << path << "?" << name << "=" << value.substr(0, 20) << ": the document rules it out, the server said "
            << problem_for(path, name, value);
        ++checked;
      }
      const json& schema = parameter["schema"];
      if (schema["type"] == "integer" || schema["type"] == "number") {
        const std::string inside = schema["type"] == "integer" ? std::to_string(schema["maximum"].get<std::int64_t>())
                                                               : std::to_string(schema["maximum"].get<double>());
        EXPECT_EQ(problem_for(path, name, inside).find("must be between"), std::string::npos)
            << path << "?" << name << "=" << inside << ": the document allows it, the server did not";
      }
    }
  }
  EXPECT_GT(checked, 40);
}

}  // namespace
}  // namespace hci
