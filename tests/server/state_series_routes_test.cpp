// The state series as served: every raw row of the NCHS and Medicaid files comes back through the API.

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "ingest/csv_reader.hpp"
#include "served_api.hpp"

namespace hci::testing {

namespace {

using nlohmann::json;

std::string source_file(const std::string& name) { return std::string(HCI_SOURCE_DATA_DIR) + "/states/" + name; }

// The served values of a panel by (state, period key).
std::map<std::pair<std::string, std::string>, json> by_state_and(const json& panel, const char* key) {
  std::map<std::pair<std::string, std::string>, json> values;
  for (const auto& series : panel["series"]) {
    for (const auto& value : series["values"]) {
      values[{series["state"], value[key].is_string() ? value[key].get<std::string>() : value[key].dump()}] = value;
    }
  }
  return values;
}

}  // namespace

class StateSeriesRoutes : public ServedApiTest {};

TEST_F(StateSeriesRoutes, InfantMortalityGivesEveryRawRowWithCdcsReasonWhereSuppressed) {
  const auto served = by_state_and(get_json("/api/v1/indicators/infant_mortality_rate")["data"], "year");
  ingest::CsvReader reader(source_file("nchs_infant_mortality_by_state.csv"), "infant.csv");
  int rows = 0;
  while (reader.next_row()) {
    ++rows;
    const std::string location(reader.field(1)), raw(reader.field(2));
    const std::string state = location == "District of Columbia" ? "DC" : location;
    const json& value = served.at({state, std::string(reader.field(0))});
    if (raw == "Unreliable") {
      EXPECT_TRUE(value["value"].is_null());
      EXPECT_EQ(value["missing_reason"], "Unreliable");
    } else if (raw.empty() || raw == "0") {
      EXPECT_TRUE(value["value"].is_null()) << state;
      EXPECT_FALSE(value["missing_reason"].get<std::string>().empty());
    } else {
      EXPECT_DOUBLE_EQ(value["value"].get<double>(), std::stod(raw)) << state << " " << reader.field(0);
    }
  }
  EXPECT_EQ(rows, 552);  // SOURCES.md says 551; the file holds 552
  EXPECT_EQ(served.size(), 552u);
}

TEST_F(StateSeriesRoutes, MonthlyEnrollmentEqualsTheUpdatedReportOfEveryStateAndMonth) {
  const auto served = by_state_and(get_json("/api/v1/indicators/medicaid_chip_enrollment/monthly")["data"], "month");
  ingest::CsvReader reader(source_file("medicaid_chip_applications_eligibility_enrollment.csv"), "medicaid.csv");
  int updated = 0;
  while (reader.next_row()) {
    if (reader.field(4) != "U") continue;
    ++updated;
    const std::string period(reader.field(2)), raw(reader.field(20));
    const json& value = served.at({std::string(reader.field(0)), period.substr(0, 4) + "-" + period.substr(4)});
    EXPECT_FALSE(value.contains("preliminary"));
    if (raw.empty()) {
      EXPECT_TRUE(value["value"].is_null());
    } else {
      EXPECT_DOUBLE_EQ(value["value"].get<double>(), std::stod(raw)) << reader.field(0) << " " << period;
    }
  }
  EXPECT_EQ(updated, 4896);
}

TEST_F(StateSeriesRoutes, StateDetailSaysWhenMedicaidWasExpanded) {
  const json north_carolina = get_json("/api/v1/states/NC")["data"]["medicaid_expansion"];
  EXPECT_EQ(north_carolina["expanded_since"], "2023-12");
  EXPECT_FALSE(north_carolina["expanded_at_first_monthly_report"]);
  const json texas = get_json("/api/v1/states/TX")["data"]["medicaid_expansion"];
  EXPECT_FALSE(texas["expanded"]);
  EXPECT_TRUE(texas["expanded_since"].is_null());
  get_json("/api/v1/indicators/uninsured_share/monthly", 404);
}

TEST_F(StateSeriesRoutes, EveryIndicatorHasADefinitionAndTheNationalSeriesIsTheFilesUsRows) {
  const json catalog = get_json("/api/v1/indicators")["data"]["indicators"];
  ASSERT_GT(catalog.size(), 40u);
  for (const auto& entry : catalog) {
    ASSERT_TRUE(entry["about"].is_object()) << entry["indicator"] << " has no definition in core/indicator_catalog";
    EXPECT_FALSE(entry["about"]["definition"].get<std::string>().empty()) << entry["indicator"];
    EXPECT_LE(entry["first_year"].get<int>(), entry["last_year"].get<int>());
  }
  const json panel = get_json("/api/v1/indicators/uninsured_share")["data"];
  EXPECT_EQ(panel["about"]["display_unit"], "%");
  EXPECT_EQ(panel["about"]["scale"], 100);
  std::map<std::string, double> national;
  for (const auto& value : panel["united_states"]["values"])
    national[value["year"].dump()] = value["value"].get<double>();
  ingest::CsvReader reader(source_file("state_indicators_long.csv"), "panel.csv");
  std::size_t rows = 0;
  while (reader.next_row()) {
    if (reader.field(1) != "US" || reader.field(4) != "uninsured_share") continue;
    ++rows;
    EXPECT_DOUBLE_EQ(national.at(std::string(reader.field(3))), std::stod(std::string(reader.field(5))));
  }
  EXPECT_GT(rows, 10u);
  EXPECT_EQ(national.size(), rows);
  EXPECT_TRUE(get_json("/api/v1/indicators/infant_mortality_rate")["data"]["united_states"].is_null());
}

}  // namespace hci::testing
