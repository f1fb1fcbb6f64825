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
    HospitalMeasure measure;
    measure.id = file.row().required_text(measure_id);
    measure.name = file.row().required_text(question);
    measure.group = "patient_experience";
    measure.direction = "higher_is_better";
    measure.source = kSource;
    file.read_period(start, end, measure);
    const Column* cell = &percent;
    const Column* cell_footnote = &percent_footnote;
    if (measure.id.ends_with("STAR_RATING")) {
      measure.unit = "stars";
      cell = &stars;
      cell_footnote = &stars_footnote;
    } else if (measure.id.ends_with("LINEAR_SCORE")) {
      measure.unit = "score";
      cell = &linear;
      cell_footnote = nullptr;
    } else {
      measure.unit = "percent";
      measure.direction = answer_direction(measure.id);
    }
    MeasureValue value;
    value.facility_id = file.facility(facility);
    value.measure_id = measure.id;
    file.read_value(*cell, measure, value);
    value.denominator = file.amount(surveys);
    value.footnote = cell_footnote != nullptr ? file.footnote(*cell_footnote) : std::string();
    if (value.footnote.empty()) value.footnote = file.footnote(surveys_footnote);
    file.add(std::move(value), measure);
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
