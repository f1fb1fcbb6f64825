#include "ingest/cms_hac.hpp"

#include <array>

namespace hci::ingest {

namespace {

constexpr std::string_view kSource = "cms_hac";

// One HAC component: the columns' prefix, our id, CMS's name, its unit and which date columns bound it.
struct Component {
  std::string_view prefix;
  std::string_view id;
  std::string_view name;
  std::string_view unit;
  std::string_view value_suffix;
  bool infection;  // measured over the HAI dates, else over the PSI 90 dates
};
constexpr std::array kComponents{
    Component{"PSI 90", "HAC-PSI-90", "Patient safety and adverse events composite (PSI 90)", "ratio",
              " Composite Value", false},
    Component{"CLABSI", "HAC-CLABSI-SIR", "Central line-associated bloodstream infection (CLABSI) SIR", "sir", " SIR",
              true},
    Component{"CAUTI", "HAC-CAUTI-SIR", "Catheter-associated urinary tract infection (CAUTI) SIR", "sir", " SIR", true},
    Component{"SSI", "HAC-SSI-SIR", "Surgical site infection (SSI) SIR, colon and hysterectomy", "sir", " SIR", true},
    Component{"CDI", "HAC-CDI-SIR", "Clostridioides difficile infection (CDI) SIR", "sir", " SIR", true},
    Component{"MRSA", "HAC-MRSA-SIR", "MRSA bacteremia SIR", "sir", " SIR", true},
};

// The columns of one component: its value and footnote, its winsorized z-score and footnote.
struct ComponentColumns {
  Column value, value_footnote, z_score, z_footnote;
};

// Describes a catalogue entry of the HAC program: all of its figures are safety measures, lower is better.
auto hac_measure(std::string name, std::string_view unit) {
  return described_as(std::move(name), "safety", "lower_is_better", unit, kSource);
}

}  // namespace

void read_cms_hac(CsvReader& reader, QualityReport& report, const MeasureReferences& references, DatasetSink& sink) {
  ColumnMap map(reader);
  const Column facility = map.require("Facility ID"), fiscal_year = map.require("Fiscal Year"),
               psi_start = map.require("PSI 90 Start Date"), psi_end = map.require("PSI 90 End Date"),
               hai_start = map.require("HAI Measures Start Date"), hai_end = map.require("HAI Measures End Date"),
               total = map.require("Total HAC Score"), total_footnote = map.require("Total HAC Score Footnote"),
               reduction = map.require("Payment Reduction");
  std::array<ComponentColumns, kComponents.size()> columns;
  for (std::size_t i = 0; i < kComponents.size(); ++i) {
    const std::string prefix(kComponents[i].prefix);
    const std::string value = prefix + std::string(kComponents[i].value_suffix);
    columns[i] = {map.require(value), map.require(value + " Footnote"), map.require(prefix + " W Z Score"),
                  map.require(prefix + " W Z Footnote")};
  }
  map.check();
  MeasureFile file(reader, std::string(kSource), report, references, sink);
  while (reader.next_row()) {
    if (!file.begin_row()) continue;
    const std::string id = file.facility(facility);
    const std::optional<int> year = file.fiscal_year(fiscal_year);
    Period psi = file.read_period(psi_start, psi_end);
    Period hai = file.read_period(hai_start, hai_end);
    psi.fiscal_year = hai.fiscal_year = year;
    auto add = [&](const Column& cell, const Column& footnote, const CatalogueEntry& entry, std::string comparison) {
      MeasureValue value;
      value.facility_id = id;
      value.measure_id = entry.measure.id;
      value.footnote = file.footnote(footnote);
      value.comparison = std::move(comparison);
      file.read_value(cell, entry.measure, value);
      file.add(std::move(value), entry);
    };
    for (std::size_t i = 0; i < kComponents.size(); ++i) {
      const Component& component = kComponents[i];
      const Period& period = component.infection ? hai : psi;
      add(columns[i].value, columns[i].value_footnote,
          file.measure(component.id, period, hac_measure(std::string(component.name), component.unit)), "");
      add(columns[i].z_score, columns[i].z_footnote,
          file.measure(std::string(component.id) + "-WZ", period,
                       hac_measure(std::string(component.name) + ", winsorized z-score", "z_score")),
          "");
    }
    const std::string_view verdict = file.row().text(reduction);
    add(total, total_footnote,
        file.measure("HAC-TOTAL-SCORE", Period{psi.start, hai.end, year},
                     hac_measure("Total HAC Score (mean of the domain z-scores; the worst quartile loses 1% of "
                                 "Medicare payments)",
                                 "z_score")),
        verdict == "Yes" || verdict == "No" ? "Payment reduction: " + std::string(verdict) : "");
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
