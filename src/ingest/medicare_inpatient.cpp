#include "ingest/medicare_inpatient.hpp"

#include <array>

namespace hci::ingest {

namespace {

constexpr std::string_view kSource = "medicare_inpatient";

// One figure of the file: its column, id suffix, name and unit.
struct Figure {
  std::string_view column;
  std::string_view id;
  std::string_view name;
  std::string_view unit;
};
constexpr std::array kFigures{
    Figure{"Tot_Dschrgs", "MEDICARE-IP-DISCHARGES", "Medicare fee-for-service inpatient discharges", "count"},
    Figure{"Tot_Benes", "MEDICARE-IP-BENEFICIARIES", "Medicare beneficiaries with an inpatient stay", "count"},
    Figure{"Tot_Cvrd_Days", "MEDICARE-IP-COVERED-DAYS", "Medicare covered inpatient days", "days"},
    Figure{"Tot_Submtd_Cvrd_Chrg", "MEDICARE-IP-SUBMITTED-CHARGES", "Charges the hospital submitted for covered stays",
           "dollars"},
    Figure{"Tot_Pymt_Amt", "MEDICARE-IP-TOTAL-PAYMENT", "Total payment for the stays, from every payer", "dollars"},
    Figure{"Tot_Mdcr_Pymt_Amt", "MEDICARE-IP-MEDICARE-PAYMENT", "Medicare's payment for the stays", "dollars"},
    Figure{"Bene_Avg_Risk_Scre", "MEDICARE-IP-RISK-SCORE", "Average HCC risk score of the beneficiaries", "score"},
};
constexpr std::string_view kPerDischargeId = "MEDICARE-IP-PAYMENT-PER-DISCHARGE";
constexpr size_t kDischarges = 0, kMedicarePayment = 5;

// The catalogue entry of one figure.
const CatalogueEntry& measure_of(MeasureFile& file, std::string_view id, std::string_view name, std::string_view unit,
                                 const Period& year) {
  return file.measure(id, year, described_as(std::string(name), "payment", "neutral", unit, kSource));
}

}  // namespace

void read_medicare_inpatient(CsvReader& reader, QualityReport& report, const MeasureReferences& references,
                             DatasetSink& sink, int year) {
  ColumnMap map(reader);
  const Column facility = map.require("Rndrng_Prvdr_CCN");
  std::array<Column, kFigures.size()> columns;
  for (size_t i = 0; i < kFigures.size(); ++i) columns[i] = map.require(kFigures[i].column);
  map.check();
  MeasureFile file(reader, std::string(kSource), report, references, sink);
  const Period data_year{std::to_string(year) + "-01-01", std::to_string(year) + "-12-31", std::nullopt};
  std::array<const CatalogueEntry*, kFigures.size()> measures;
  for (size_t i = 0; i < kFigures.size(); ++i) {
    measures[i] = &measure_of(file, kFigures[i].id, kFigures[i].name, kFigures[i].unit, data_year);
  }
  const CatalogueEntry& per_discharge =
      measure_of(file, kPerDischargeId, "Medicare payment per discharge (total Medicare payments / discharges)",
                 "dollars", data_year);
  while (reader.next_row()) {
    if (!file.begin_row()) continue;
    const std::string id = file.facility(facility);
    std::array<MeasureValue, kFigures.size()> values;
    for (size_t i = 0; i < kFigures.size(); ++i) {
      values[i].facility_id = id;
      values[i].measure_id = measures[i]->measure.id;
      file.read_value(columns[i], measures[i]->measure, values[i]);
    }
    MeasureValue payment_per_discharge;
    payment_per_discharge.facility_id = id;
    payment_per_discharge.measure_id = per_discharge.measure.id;
    payment_per_discharge.denominator = values[kDischarges].value;
    if (values[kDischarges].value > 0 && values[kMedicarePayment].value) {
      payment_per_discharge.value = *values[kMedicarePayment].value / *values[kDischarges].value;
    } else {
      payment_per_discharge.missing_reason = "Not Available";
    }
    for (size_t i = 0; i < kFigures.size(); ++i) file.add(std::move(values[i]), *measures[i]);
    file.add(std::move(payment_per_discharge), per_discharge);
    file.end_row();
  }
  file.finish();
}

}  // namespace hci::ingest
