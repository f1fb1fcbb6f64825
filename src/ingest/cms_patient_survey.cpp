#include "ingest/cms_patient_survey.hpp"

#include <array>

namespace hci::ingest {

namespace {

constexpr std::string_view kSource = "cms_patient_survey";

// Which way an answer percent should move, by the answer its id ends with: the top box ("always",
// "yes", 9-10, "definitely yes", "strongly agree") is better high, the bottom box better low.
struct AnswerDirection {
  std::string_view suffix;
  std::string_view direction;
};
constexpr std::array kAnswerDirections{
    AnswerDirection{"_A_P", "higher_is_better"},  AnswerDirection{"_Y_P", "higher_is_better"},
    AnswerDirection{"_9_10", "higher_is_better"}, AnswerDirection{"_DY", "higher_is_better"},
    AnswerDirection{"_SA", "higher_is_better"},   AnswerDirection{"_SN_P", "lower_is_better"},
    AnswerDirection{"_N_P", "lower_is_better"},   AnswerDirection{"_0_6", "lower_is_better"},
    AnswerDirection{"_DN", "lower_is_better"},    AnswerDirection{"_D_SD", "lower_is_better"},
};

std::string answer_direction(std::string_view id) {
  for (const auto& answer : kAnswerDirections) {
    if (id.ends_with(answer.suffix)) return std::string(answer.direction);
  }
  return "neutral";
}

}  // namespace

void read_cms_patient_survey(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                             DatasetSink& sink) {
  ColumnMap map(reader);
  const Column facility = map.require("Facility ID"), measure_id = map.require("HCAHPS Measure ID"),
               question = map.require("HCAHPS Question"), stars = map.require("Patient Survey Star Rating"),
               stars_footnote = map.require("Patient Survey Star Rating Footnote"),
               percent = map.require("HCAHPS Answer Percent"),
               percent_footnote = map.require("HCAHPS Answer Percent Footnote"),
               linear = map.require("HCAHPS Linear Mean Value"), surveys = map.require("Number of Completed Surveys"),
               surveys_footnote = map.require("Number of Completed Surveys Footnote"),
               start = map.require("Start Date"), end = map.require("End Date");
  map.check();
  MeasureFile file(reader, std::string(kSource), report, references, sink);
  while (reader.next_row()) {
    if (!file.begin_row()) continue;
    const std::string_view id = file.row().text(measure_id);
    const CatalogueEntry& entry = file.measure(id, file.read_period(start, end), [&](HospitalMeasure& m) {
      m.name = file.row().required_text(question);
      m.group = "patient_experience";
      m.direction = "higher_is_better";
      m.unit = "percent";
      m.source = kSource;
      if (id.ends_with("STAR_RATING")) {
        m.unit = "stars";
      } else if (id.ends_with("LINEAR_SCORE")) {
        m.unit = "score";
      } else {
        m.direction = answer_direction(id);
      }
    });
    const HospitalMeasure& measure = entry.measure;
    const bool stars_cell = measure.unit == "stars", linear_cell = measure.unit == "score";
    const Column& cell = stars_cell ? stars : linear_cell ? linear : percent;
    MeasureValue value;
    value.facility_id = file.facility(facility);
    value.measure_id = measure.id;
    file.read_value(cell, measure, value);
    value.denominator = file.amount(surveys);
    if (!linear_cell) value.footnote = file.footnote(stars_cell ? stars_footnote : percent_footnote);
    if (value.footnote.empty()) value.footnote = file.footnote(surveys_footnote);
    file.add(std::move(value), entry);
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
