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

// The four figures of a condition's row: the id suffix, how the name starts, direction and unit.
struct Figure {
  std::string_view suffix;
  std::string_view name;
  std::string_view direction;
  std::string_view unit;
};
constexpr std::array kFigures{
    Figure{"", "Excess readmission ratio", "lower_is_better", "ratio"},
    Figure{"-PREDICTED", "Predicted 30-day readmission rate", "lower_is_better", "percent"},
    Figure{"-EXPECTED", "Expected 30-day readmission rate", "neutral", "percent"},
    Figure{"-READMISSIONS", "Number of 30-day readmissions", "neutral", "count"},
};

}  // namespace

void read_cms_readmissions(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                           DatasetSink& sink, int fiscal_year) {
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
    Period period = file.read_period(start, end);
    period.fiscal_year = fiscal_year;
    const Condition* condition = condition_of(base.measure_id);
    if (condition == nullptr) {
      file.row().reject(measure, "type",
                        "'" + base.measure_id + "' is not an HRRP measure id (READM-30-<condition>-HRRP)");
      file.end_row();
      continue;
    }
    const std::optional<double> eligible = file.amount(discharges);
    const std::array<const Column*, kFigures.size()> cells{&ratio, &predicted, &expected, &readmissions};
    for (std::size_t i = 0; i < kFigures.size(); ++i) {
      const Figure& figure = kFigures[i];
      const CatalogueEntry& entry =
          file.measure(base.measure_id + std::string(figure.suffix), period, [&](HospitalMeasure& m) {
            m.name = std::string(figure.name) + ", " + std::string(condition->name) + " (HRRP)";
            m.group = "readmission";
            m.direction = figure.direction;
            m.unit = figure.unit;
            m.source = kSource;
          });
      MeasureValue value = base;
      value.measure_id = entry.measure.id;
      value.denominator = eligible;
      file.read_value(*cells[i], entry.measure, value);
      file.add(std::move(value), entry);
    }
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
