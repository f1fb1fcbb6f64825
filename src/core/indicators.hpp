#pragma once
// Numbers about places: the state x year indicator panel, monthly unemployment, County Health Rankings.

#include <optional>
#include <string>

namespace hci {

/// One value of the state panel: state x year x indicator, with its unit and source id. A value the
/// publisher withholds is null with the publisher's reason ("Unreliable"), never a number.
struct StateIndicator {
  std::string state;  // USPS code, "US" for the national row
  int year = 0;
  std::string indicator;
  std::optional<double> value;
  std::string unit;
  std::string source;
  std::string missing_reason;  // why value is null; empty when it is not
};

/// A state's seasonally adjusted unemployment rate for one month (BLS LAUS).
struct StateUnemployment {
  std::string state;
  std::string month;  // YYYY-MM
  double rate_pct = 0;
};

/// One County Health Rankings raw value for a county, a state or the nation.
struct AreaMeasure {
  std::string fips;   // 5 digits: county, state (SS000) or nation (00000)
  std::string level;  // "county", "state" or "national"
  std::string state;  // USPS code, "US" for the nation
  std::string measure;
  double value = 0;
};

/// What a County Health Rankings column means, from the measure dictionary.
struct MeasureDefinition {
  std::string name;
  std::string chr_measure_id;
  std::string description;
  std::string release;
  std::string source_file;
};

/// True when a measure's raw values are proportions 0..1 (its description starts "Share" or says "proportion").
bool is_proportion(const MeasureDefinition& definition);

}  // namespace hci
