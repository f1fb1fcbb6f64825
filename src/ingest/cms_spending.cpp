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
    const std::string id = file.row().required_text(measure_id);
    const CatalogueEntry& entry = file.measure(id, file.read_period(start, end), [&](HospitalMeasure& m) {
      m.name = file.row().required_text(measure_name);
      m.group = "spending";
      m.direction = "lower_is_better";
      m.unit = "ratio";
      m.source = "cms_spending";
    });
    MeasureValue value;
    value.facility_id = file.facility(facility);
    value.measure_id = id;
    value.footnote = file.footnote(footnote);
    file.read_value(score, entry.measure, value);
    file.add(std::move(value), entry);
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
