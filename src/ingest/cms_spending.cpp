#include "ingest/cms_spending.hpp"

namespace hci::ingest {

void read_cms_spending(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                       DatasetSink& sink) {
  ColumnMap map(reader);
  const Column facility = map.require("Facility ID"), measure_id = map.require("Measure ID"),
               measure_name = map.require("Measure Name"), score = map.require("Score"),
               footnote = map.require("Footnote"), start = map.require("Start Date"), end = map.require("End Date");
  map.check();
  MeasureFile file(reader, "cms_spending", report, references, sink);
  while (reader.next_row()) {
    if (!file.begin_row()) continue;
    HospitalMeasure measure;
    measure.id = file.row().required_text(measure_id);
    measure.name = file.row().required_text(measure_name);
    measure.group = "spending";
    measure.direction = "lower_is_better";
    measure.unit = "ratio";
    measure.source = "cms_spending";
    file.read_period(start, end, measure);
    MeasureValue value;
    value.facility_id = file.facility(facility);
    value.measure_id = measure.id;
    value.footnote = file.footnote(footnote);
    file.read_value(score, measure, value);
    file.add(std::move(value), measure);
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
