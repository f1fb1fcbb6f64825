#include "ingest/cms_value_based_purchasing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "ingest/field_parse.hpp"

namespace hci::ingest {

namespace {

// One figure of a VBP file: the column prefix, our catalogue entry, and the column of CMS's points for it.
struct Figure {
  std::string_view prefix;         // "MORT-30-AMI": the columns are "<prefix> Performance Rate", ...
  std::string_view value_suffix;   // " Performance Rate", or "" when the prefix is the whole column name
  std::string_view points_suffix;  // " Measure Score" or " Dimension Score"; "" when the figure has none
  std::string_view id;
  std::string_view name;
  std::string_view group;
  std::string_view direction;
  std::string_view unit;
};

constexpr std::string_view kRate = " Performance Rate", kMeasureScore = " Measure Score",
                           kDimensionScore = " Dimension Score";

constexpr std::array kClinicalOutcomes{
    Figure{"MORT-30-AMI", kRate, kMeasureScore, "MORT-30-AMI",
           "30-day survival rate, heart attack (VBP; 1 - mortality)", "mortality", "higher_is_better", "proportion"},
    Figure{"MORT-30-HF", kRate, kMeasureScore, "MORT-30-HF", "30-day survival rate, heart failure (VBP; 1 - mortality)",
           "mortality", "higher_is_better", "proportion"},
    Figure{"MORT-30-PN", kRate, kMeasureScore, "MORT-30-PN", "30-day survival rate, pneumonia (VBP; 1 - mortality)",
           "mortality", "higher_is_better", "proportion"},
    Figure{"MORT-30-COPD", kRate, kMeasureScore, "MORT-30-COPD",
           "30-day survival rate, chronic obstructive pulmonary disease (VBP; 1 - mortality)", "mortality",
           "higher_is_better", "proportion"},
    Figure{"MORT-30-CABG", kRate, kMeasureScore, "MORT-30-CABG",
           "30-day survival rate, coronary artery bypass graft surgery (VBP; 1 - mortality)", "mortality",
           "higher_is_better", "proportion"},
    Figure{"COMP-HIP-KNEE", kRate, kMeasureScore, "COMP-HIP-KNEE",
           "Complication rate, elective hip or knee replacement (VBP)", "safety", "lower_is_better", "proportion"},
};

constexpr std::array kSafety{
    Figure{"HAI-1", kRate, kMeasureScore, "HAI-1", "Central line-associated bloodstream infection SIR (VBP)", "safety",
           "lower_is_better", "sir"},
    Figure{"HAI-2", kRate, kMeasureScore, "HAI-2", "Catheter-associated urinary tract infection SIR (VBP)", "safety",
           "lower_is_better", "sir"},
    Figure{"HAI-3", kRate, kMeasureScore, "HAI-3", "Surgical site infection SIR, colon surgery (VBP)", "safety",
           "lower_is_better", "sir"},
    Figure{"HAI-4", kRate, kMeasureScore, "HAI-4", "Surgical site infection SIR, abdominal hysterectomy (VBP)",
           "safety", "lower_is_better", "sir"},
    Figure{"HAI-5", kRate, kMeasureScore, "HAI-5", "MRSA bacteremia SIR (VBP)", "safety", "lower_is_better", "sir"},
    Figure{"HAI-6", kRate, kMeasureScore, "HAI-6", "Clostridioides difficile infection SIR (VBP)", "safety",
           "lower_is_better", "sir"},
};

constexpr std::array kEngagement{
    Figure{"Communication With Nurses", kRate, kDimensionScore, "VBP-HCAHPS-NURSES",
           "Nurses always communicated well (VBP dimension rate)", "patient_experience", "higher_is_better", "percent"},
    Figure{"Communication With Doctors", kRate, kDimensionScore, "VBP-HCAHPS-DOCTORS",
           "Doctors always communicated well (VBP dimension rate)", "patient_experience", "higher_is_better",
           "percent"},
    Figure{"Responsiveness Of Hospital Staff", kRate, kDimensionScore, "VBP-HCAHPS-RESPONSIVENESS",
           "Staff always responsive (VBP dimension rate)", "patient_experience", "higher_is_better", "percent"},
    Figure{"Care Transition", kRate, kDimensionScore, "VBP-HCAHPS-CARE-TRANSITION",
           "Care transition strongly agree (VBP dimension rate)", "patient_experience", "higher_is_better", "percent"},
    Figure{"Communication About Medicines", kRate, kDimensionScore, "VBP-HCAHPS-MEDICINES",
           "Staff always explained medicines (VBP dimension rate)", "patient_experience", "higher_is_better",
           "percent"},
    Figure{"Cleanliness And Quietness Of Hospital Environment", kRate, kDimensionScore, "VBP-HCAHPS-CLEAN-QUIET",
           "Room always clean and quiet at night (VBP dimension rate)", "patient_experience", "higher_is_better",
           "percent"},
    Figure{"Discharge Information", kRate, kDimensionScore, "VBP-HCAHPS-DISCHARGE-INFO",
           "Given information about recovery at home (VBP dimension rate)", "patient_experience", "higher_is_better",
           "percent"},
    Figure{"Overall Rating Of Hospital", kRate, kDimensionScore, "VBP-HCAHPS-OVERALL-RATING",
           "Rated the hospital 9 or 10 (VBP dimension rate)", "patient_experience", "higher_is_better", "percent"},
    Figure{"Hcahps Base Score", "", "", "VBP-HCAHPS-BASE-SCORE", "HCAHPS base score (VBP, 0-80)", "patient_experience",
           "higher_is_better", "score"},
    Figure{"Hcahps Consistency Score", "", "", "VBP-HCAHPS-CONSISTENCY-SCORE", "HCAHPS consistency score (VBP, 0-20)",
           "patient_experience", "higher_is_better", "score"},
};

constexpr std::array kEfficiency{
    Figure{"MSPB-1", kRate, kMeasureScore, "MSPB-1-VBP",
           "Medicare spending per beneficiary (VBP performance rate; 1.00 = national median)", "spending",
           "lower_is_better", "ratio"},
};

constexpr std::array kTotalPerformance{
    Figure{"Unweighted Normalized Clinical Outcomes Domain Score", "", "", "VBP-CLINICAL-OUTCOMES-DOMAIN",
           "Clinical outcomes domain score (VBP, unweighted, normalized)", "value_based_purchasing", "higher_is_better",
           "score"},
    Figure{"Weighted Normalized Clinical Outcomes Domain Score", "", "", "VBP-CLINICAL-OUTCOMES-DOMAIN-WEIGHTED",
           "Clinical outcomes domain score (VBP, weighted)", "value_based_purchasing", "higher_is_better", "score"},
    Figure{"Unweighted Person And Community Engagement Domain Score", "", "", "VBP-ENGAGEMENT-DOMAIN",
           "Person and community engagement domain score (VBP, unweighted)", "value_based_purchasing",
           "higher_is_better", "score"},
    Figure{"Weighted Person And Community Engagement Domain Score", "", "", "VBP-ENGAGEMENT-DOMAIN-WEIGHTED",
           "Person and community engagement domain score (VBP, weighted)", "value_based_purchasing", "higher_is_better",
           "score"},
    Figure{"Unweighted Normalized Safety Domain Score", "", "", "VBP-SAFETY-DOMAIN",
           "Safety domain score (VBP, unweighted, normalized)", "value_based_purchasing", "higher_is_better", "score"},
    Figure{"Weighted Safety Domain Score", "", "", "VBP-SAFETY-DOMAIN-WEIGHTED", "Safety domain score (VBP, weighted)",
           "value_based_purchasing", "higher_is_better", "score"},
    Figure{"Unweighted Normalized Efficiency And Cost Reduction Domain Score", "", "", "VBP-EFFICIENCY-DOMAIN",
           "Efficiency and cost reduction domain score (VBP, unweighted, normalized)", "value_based_purchasing",
           "higher_is_better", "score"},
    Figure{"Weighted Efficiency And Cost Reduction Domain Score", "", "", "VBP-EFFICIENCY-DOMAIN-WEIGHTED",
           "Efficiency and cost reduction domain score (VBP, weighted)", "value_based_purchasing", "higher_is_better",
           "score"},
    Figure{"Total Performance Score", "", "", "VBP-TPS",
           "Total Performance Score (VBP, 0-100; sets the hospital's payment adjustment)", "value_based_purchasing",
           "higher_is_better", "score"},
};

std::span<const Figure> figures_of(VbpFile which) {
  switch (which) {
    case VbpFile::clinical_outcomes: return kClinicalOutcomes;
    case VbpFile::safety: return kSafety;
    case VbpFile::engagement: return kEngagement;
    case VbpFile::efficiency: return kEfficiency;
    case VbpFile::total_performance: return kTotalPerformance;
  }
  return {};
}

std::string_view source_of(VbpFile which) {
  switch (which) {
    case VbpFile::clinical_outcomes: return "cms_vbp_clinical_outcomes";
    case VbpFile::safety: return "cms_vbp_safety";
    case VbpFile::engagement: return "cms_vbp_engagement";
    case VbpFile::efficiency: return "cms_vbp_efficiency";
    case VbpFile::total_performance: return "cms_vbp_total_performance";
  }
  return {};
}

// CMS's points for a figure as a verdict: "7 out of 10" as written, a bare dimension score as "N out of 10".
std::string points_verdict(std::string_view raw, std::string_view suffix) {
  if (raw.empty() || !cms_missing_word(raw).empty()) return {};
  const bool bare = raw.find(' ') == std::string_view::npos;
  std::string label(suffix);  // " Measure Score" -> " measure score"
  std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return std::tolower(c); });
  return "VBP" + label + ": " + std::string(raw) + (bare ? " out of 10" : "");
}

// The columns of one figure: its value and, when it has them, its points.
struct FigureColumns {
  Column value;
  std::optional<Column> points;
};

}  // namespace

void read_cms_value_based_purchasing(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                                     DatasetSink& sink, VbpFile which) {
  const std::span<const Figure> figures = figures_of(which);
  const std::string source(source_of(which));
  ColumnMap map(reader);
  const Column facility = map.require("Facility ID"), fiscal_year = map.require("Fiscal Year");
  std::vector<FigureColumns> columns;
  for (const Figure& figure : figures) {
    const std::string prefix(figure.prefix);
    columns.push_back({map.require(prefix + std::string(figure.value_suffix)), std::nullopt});
    if (!figure.points_suffix.empty()) columns.back().points = map.require(prefix + std::string(figure.points_suffix));
  }
  map.check();
  MeasureFile file(reader, source, report, references, sink);
  while (reader.next_row()) {
    if (!file.begin_row()) continue;
    const std::string id = file.facility(facility);
    const Period program_year{"", "", file.fiscal_year(fiscal_year)};
    for (std::size_t i = 0; i < figures.size(); ++i) {
      const Figure& figure = figures[i];
      const CatalogueEntry& entry =
          file.measure(figure.id, program_year,
                       described_as(std::string(figure.name), figure.group, figure.direction, figure.unit, source));
      MeasureValue value;
      value.facility_id = id;
      value.measure_id = entry.measure.id;
      if (columns[i].points)
        value.comparison = points_verdict(file.row().text(*columns[i].points), figure.points_suffix);
      file.read_value(columns[i].value, entry.measure, value);
      file.add(std::move(value), entry);
    }
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
