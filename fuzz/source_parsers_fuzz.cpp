// Fuzzes every source parser of the snapshot: the first byte picks the parser, the rest is its file. Bad rows
// must be quarantined in the report, bad files must end in hci::Error.

#include "core/dataset_tables.hpp"
#include "fuzz_input.hpp"
#include "ingest/chr_measures.hpp"
#include "ingest/cms_footnotes.hpp"
#include "ingest/cms_hac.hpp"
#include "ingest/cms_hospitals.hpp"
#include "ingest/cms_patient_survey.hpp"
#include "ingest/cms_readmissions.hpp"
#include "ingest/cms_spending.hpp"
#include "ingest/cms_value_based_purchasing.hpp"
#include "ingest/county_boundaries.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/hifld_hospitals.hpp"
#include "ingest/medicaid_enrollment.hpp"
#include "ingest/medicare_inpatient.hpp"
#include "ingest/nchs_state_series.hpp"
#include "ingest/place_sources.hpp"
#include "ingest/quality_report.hpp"
#include "ingest/state_sources.hpp"

namespace {

using hci::ingest::CsvReader;
using hci::ingest::QualityReport;

void parse(std::uint8_t which, const std::string& path, std::string_view text) {
  QualityReport report;
  auto reader = [&](hci::ingest::InvalidUtf8 invalid_utf8 = hci::ingest::InvalidUtf8::reject) {
    return CsvReader(path, "fuzz.csv", invalid_utf8);
  };
  hci::ingest::MeasureReferences references{{{"010001", 0}, {"010005", 1}}, {"1", "5"}};
  hci::DatasetTables measures;
  constexpr int kVbpFirst = 15, kParsers = 23;
  switch (which % kParsers) {
    case 0: {
      auto r = reader();
      hci::ingest::read_cms_hospitals(r, report, [](hci::Hospital&) {});
      break;
    }
    case 1: {
      auto r = reader();
      hci::ingest::read_zip_centroids(r, report, [](hci::ZipCentroid&) {});
      break;
    }
    case 2: {
      auto r = reader();
      hci::ingest::read_urban_rural_codes(r, report, [](hci::County&) {});
      break;
    }
    case 3: {
      auto r = reader();
      hci::ingest::read_measure_dictionary(r, report, [](hci::MeasureDefinition&) {});
      break;
    }
    case 4: {
      auto r = reader();
      hci::ingest::read_chr_measures(
          r, report, hci::ingest::ChrLevels::counties_only, {"uninsured"}, [](hci::AreaMeasure&) {},
          [](hci::County&) {});
      break;
    }
    case 5: {
      auto r = reader();
      hci::ingest::read_state_indicators(r, report, [](hci::StateIndicator&) {});
      break;
    }
    case 6: {
      auto r = reader();
      hci::ingest::read_state_unemployment(r, report, [](hci::StateUnemployment&) {});
      break;
    }
    case 7: {
      auto r = reader();
      hci::ingest::read_hifld_hospitals(r, report, [](hci::ingest::HifldHospital&) {});
      break;
    }
    case 9: {
      auto r = reader();
      hci::ingest::read_cms_footnotes(r, report, [](hci::CmsFootnote&) {});
      break;
    }
    case 10: {
      auto r = reader();
      hci::ingest::read_cms_readmissions(r, report, references, measures, 2025);
      break;
    }
    case 11: {
      auto r = reader();
      hci::ingest::read_cms_spending(r, report, references, measures);
      break;
    }
    case 12: {
      auto r = reader();
      hci::ingest::read_cms_patient_survey(r, report, references, measures);
      break;
    }
    case 13: {
      auto r = reader(hci::ingest::InvalidUtf8::repair_windows1252);
      hci::ingest::read_medicare_inpatient(r, report, references, measures, 2023);
      break;
    }
    case 14: {
      auto r = reader();
      hci::ingest::read_cms_hac(r, report, references, measures);
      break;
    }
    case 15:
    case 16:
    case 17:
    case 18:
    case 19: {
      auto r = reader();
      const auto file = static_cast<hci::ingest::VbpFile>(which % kParsers - kVbpFirst);
      hci::ingest::read_cms_value_based_purchasing(r, report, references, measures, file);
      break;
    }
    case 20: {
      auto r = reader();
      hci::ingest::read_medicaid_enrollment(r, report, [](hci::MedicaidEnrollment&) {});
      break;
    }
    case 21: {
      auto r = reader();
      hci::ingest::read_nchs_infant_mortality(r, report, [](hci::StateIndicator&) {});
      break;
    }
    case 22: {
      auto r = reader();
      hci::ingest::read_nchs_causes_of_death(r, report, [](hci::StateIndicator&) {});
      break;
    }
    default: {  // 8: the county boundaries (TopoJSON)
      const auto locator = hci::ingest::CountyLocator::from_topojson(text, "fuzz.topojson");
      (void)locator.county_of(30.27, -97.74);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string path = hci::fuzz::input_file(data + 1, size - 1);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  hci::fuzz::expect_only_errors([&] { parse(data[0], path, text); });
  return 0;
}
