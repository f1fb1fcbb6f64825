// A catalogue of malformed requests: each gets the right 4xx with a problem+json body, never a 5xx.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "served_api.hpp"
#include "support/http_client.hpp"

namespace hci {

namespace {

struct Malformed {
  std::string what;
  std::string request;  // the exact bytes sent
  int status;
};

std::string get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
}

std::string post(const std::string& target, const std::string& type, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<Malformed> catalogue(const std::string& key) {
  const std::string h = "/api/v1/hospitals?";
  const std::string predict = "/api/v1/predict/hospital-rating";
  auto keyed = [&](const std::string& type, const std::string& body) {
    return "POST " + predict + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + key +
           "\r\nContent-Type: " + type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  return {
      {"limit not a number", get(h + "limit=abc"), 400},
      {"limit zero", get(h + "limit=0"), 400},
      {"limit huge", get(h + "limit=1000000"), 400},
      {"limit overflow", get(h + "limit=99999999999999999999999"), 400},
      {"negative offset", get(h + "offset=-1"), 400},
      {"offset fraction", get(h + "offset=1.5"), 400},
      {"unknown state", get(h + "state=ZZ"), 400},
      {"state too long", get(h + "state=Texas"), 400},
      {"postal-only state", get(h + "state=AE"), 400},
      {"empty state", get(h + "state="), 400},
      {"min rating 0", get(h + "min_rating=0"), 400},
      {"max rating 6", get(h + "max_rating=6"), 400},
      {"min above max", get(h + "min_rating=4&max_rating=2"), 400},
      {"rating text", get(h + "min_rating=four"), 400},
      {"emergency not boolean", get(h + "emergency=maybe"), 400},
      {"rated not boolean", get(h + "rated=2"), 400},
      {"unknown type", get(h + "type=Spaceport"), 400},
      {"unknown ownership", get(h + "ownership=Pirates"), 400},
      {"near one number", get(h + "near=40"), 400},
      {"near latitude out of range", get(h + "near=91,10"), 400},
      {"near longitude out of range", get(h + "near=10,-181"), 400},
      {"near not numbers", get(h + "near=north,west"), 400},
      {"near NaN", get(h + "near=nan,nan"), 400},
      {"radius without near", get(h + "radius_km=10"), 400},
      {"radius negative", get(h + "near=40,-100&radius_km=-5"), 400},
      {"radius infinite", get(h + "near=40,-100&radius_km=inf"), 400},
      {"unknown sort field", get(h + "sort=password"), 400},
      {"sort by distance without near", get(h + "sort=distance"), 400},
      {"unknown field", get(h + "fields=id,secret"), 400},
      {"empty fields item", get(h + "fields=id,,name"), 400},
      {"unknown parameter", get(h + "stat=TX"), 400},
      {"repeated parameter", get(h + "state=TX&state=CA"), 400},
      {"cursor and offset", get(h + "cursor=abc&offset=5"), 400},
      {"forged cursor", get(h + "cursor=bm90LWEtY3Vyc29y"), 400},
      {"SQL injection in state", get(h + "state=TX%27%20OR%201%3D1--"), 400},
      {"SQL injection in sort", get(h + "sort=id;DROP%20TABLE%20hospitals"), 400},
      {"script in q (too long)", get(h + "q=" + std::string(300, 'a')), 400},
      {"bad percent escape", get(h + "state=%G1"), 400},
      {"truncated percent escape", get(h + "state=T%"), 400},
      {"invalid UTF-8", get(h + "q=%FF%FE"), 400},
      {"NUL byte in value", get(h + "q=a%00b"), 400},
      {"unknown hospital", get("/api/v1/hospitals/NOPE00"), 404},
      {"unknown route", get("/api/v1/nothing"), 404},
      {"unknown state detail", get("/api/v1/states/XX"), 404},
      {"nearest without lat", get("/api/v1/hospitals/nearest?lon=-100"), 400},
      {"nearest k too big", get("/api/v1/hospitals/nearest?lat=40&lon=-100&k=1000"), 400},
      {"compare without ids", get("/api/v1/hospitals/compare"), 400},
      {"compare unknown id", get("/api/v1/hospitals/compare?ids=NOPE00"), 400},
      {"wrong method on list", post("/api/v1/hospitals", "application/json", "{}"), 405},
      {"wrong method on predict", get(predict), 405},
      {"DELETE a hospital", "DELETE /api/v1/hospitals/450056 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405},
      {"predict without key", post(predict, "application/json", "{}"), 401},
      {"predict wrong content type", keyed("text/plain", "hi"), 415},
      {"predict bad JSON", keyed("application/json", "{\"hospital_id\":"), 400},
      {"predict JSON not an object", keyed("application/json", "\"text\""), 422},
      {"predict unknown field", keyed("application/json", R"({"hospital_id":"450056","admin":true})"), 422},
      {"predict deep nesting", keyed("application/json", std::string(40, '[') + std::string(40, ']')), 400},
      {"oversize body", keyed("application/json", std::string(70 * 1024, ' ')), 413},
      {"oversize header", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n", 431},
      {"not HTTP", "HELLO\r\n\r\n", 400},
      {"bad content length", "POST " + predict + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400},
      {"quality of short version", get("/api/v1/datasets/ab/quality"), 400},
      {"path traversal in docs", get("/docs/..%2F..%2Fetc%2Fpasswd"), 404},
      {"bad percent escape in path", get("/api/v1/states/%ZZ"), 400},
      {"parameter on a route without parameters", get("/api/v1/dashboard/summary?x=1"), 400},
  };
}

}  // namespace

TEST(MalformedRequestsTest, EachGetsTheRightClientErrorAsProblemJson) {
  testing::ServedApi served;
  const std::string key = served.create_key("malformed-predict", "predict");
  const auto requests = catalogue(key);
  ASSERT_GE(requests.size(), 40u);
  for (const auto& request : requests) {
    const auto reply = testing::raw_http(served.port(), request.request);
    EXPECT_EQ(reply.status, request.status) << request.what << "\n" << reply.body.substr(0, 300);
    EXPECT_EQ(reply.header("content-type"), "application/problem+json") << request.what;
    const auto problem = nlohmann::json::parse(reply.body, nullptr, false);
    ASSERT_FALSE(problem.is_discarded()) << request.what;
    EXPECT_EQ(problem["status"], request.status) << request.what;
    if (request.status == 400 && request.request.find("?") != std::string::npos &&
        request.request.find("/datasets/") == std::string::npos) {
      EXPECT_FALSE(problem["errors"].empty()) << request.what << ": a 400 names the bad parameter";
    }
  }
  EXPECT_EQ(testing::http_get(served.port(), "/health").status, 200);  // still serving
}

}  // namespace hci
