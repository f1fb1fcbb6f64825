#include "ingest/cms_readmissions.hpp"

#include <array>

namespace hci::ingest {

namespace {

constexpr std::string_view kSource = "cms_readmissions";

// The conditions HRRP measures, by the part of CMS's id between "READM-30-" and "-HRRP".
struct Condition {
  std::string_view code;
  std::string_view name;
};
constexpr std::array kConditions{
    Condition{"AMI", "heart attack (acute myocardial infarction)"},
    Condition{"CABG", "coronary artery bypass graft surgery"},
    Condition{"COPD", "chronic obstructive pulmonary disease"},
    Condition{"HF", "heart failure"},
    Condition{"HIP-KNEE", "elective hip or knee replacement"},
    Condition{"PN", "pneumonia"},
};

const Condition* condition_of(std::string_view measure_id) {
  constexpr std::string_view prefix = "READM-30-", suffix = "-HRRP";
  if (!measure_id.starts_with(prefix) || !measure_id.ends_with(suffix)) return nullptr;
  const std::string_view code = measure_id.substr(prefix.size(), measure_id.size() - prefix.size() - suffix.size());
  for (const auto& condition : kConditions) {
    if (condition.code == code) return &condition;
  }
  return nullptr;
}

// The four catalogue entries of one condition's row, sharing the row's period.
struct ConditionMeasures {
  HospitalMeasure ratio, predicted, expected, readmissions;
};

ConditionMeasures measures_of(const Condition& condition, const std::string& id, const HospitalMeasure& period) {
  auto measure = [&](std::string suffix, std::string name, std::string direction, std::string unit) {
    HospitalMeasure m = period;
    m.id = id + suffix;
    m.name = std::move(name);
    m.group = "readmission";
    m.direction = std::move(direction);
    m.unit = std::move(unit);
    m.source = kSource;
    return m;
  };
  const std::string name(condition.name);
  return {measure("", "Excess readmission ratio, " + name + " (HRRP)", "lower_is_better", "ratio"),
          measure("-PREDICTED", "Predicted 30-day readmission rate, " + name + " (HRRP)", "lower_is_better", "percent"),
          measure("-EXPECTED", "Expected 30-day readmission rate, " + name + " (HRRP)", "neutral", "percent"),
          measure("-READMISSIONS", "Number of 30-day readmissions, " + name + " (HRRP)", "neutral", "count")};
}

}  // namespace

void read_cms_readmissions(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                           DatasetSink& sink) {
  ColumnMap map(reader);
  const Column facility = map.require("Facility ID"), measure = map.require("Measure Name"),
               discharges = map.require("Number of Discharges"), footnote = map.require("Footnote"),
               ratio = map.require("Excess Readmission Ratio"), predicted = map.require("Predicted Readmission Rate"),
               expected = map.require("Expected Readmission Rate"),
               readmissions = map.require("Number of Readmissions"), start = map.require("Start Date"),
               end = map.require("End Date");
  map.check();
  MeasureFile file(reader, std::string(kSource), report, references, sink);
  while (reader.next_row()) {
    if (!file.begin_row()) continue;
    MeasureValue base;
    base.facility_id = file.facility(facility);
    base.measure_id = file.row().required_text(measure);
    base.footnote = file.footnote(footnote);
    HospitalMeasure period;
    file.read_period(start, end, period);
    const Condition* condition = condition_of(base.measure_id);
    if (condition == nullptr) {
      file.row().reject(measure, "type",
                        "'" + base.measure_id + "' is not an HRRP measure id (READM-30-<condition>-HRRP)");
      file.end_row();
      continue;
    }
    const ConditionMeasures measures = measures_of(*condition, base.measure_id, period);
    const std::optional<double> eligible = file.amount(discharges);
    auto add = [&](const Column& column, const HospitalMeasure& m) {
      MeasureValue value = base;
      value.measure_id = m.id;
      value.denominator = eligible;
      file.read_value(column, m, value);
      file.add(std::move(value), m);
    };
    add(ratio, measures.ratio);
    add(predicted, measures.predicted);
    add(expected, measures.expected);
    add(readmissions, measures.readmissions);
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
