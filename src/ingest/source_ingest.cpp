#include "ingest/source_ingest.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "ingest/chr_measures.hpp"
#include "ingest/cms_footnotes.hpp"
#include "ingest/cms_hac.hpp"
#include "ingest/cms_hospitals.hpp"
#include "ingest/cms_patient_survey.hpp"
#include "ingest/cms_readmissions.hpp"
#include "ingest/cms_spending.hpp"
#include "ingest/cms_value_based_purchasing.hpp"
#include "ingest/county_boundaries.hpp"
#include "ingest/county_resolver.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/geocoder.hpp"
#include "ingest/hifld_hospitals.hpp"
#include "ingest/hospital_linker.hpp"
#include "ingest/medicaid_enrollment.hpp"
#include "ingest/medicaid_enrollment_panel.hpp"
#include "ingest/medicare_inpatient.hpp"
#include "ingest/nchs_state_series.hpp"
#include "ingest/place_sources.hpp"
#include "ingest/state_sources.hpp"

namespace hci::ingest {

namespace {

constexpr std::array kSources{
    SourceSpec{"county_boundaries", "geo/us_counties_10m.topojson"},
    SourceSpec{"zip_centroids", "geo/zip_centroids.csv"},
    SourceSpec{"urban_rural_codes", "counties/NCHSurb-rural-codes.csv"},
    SourceSpec{"chr_measure_dictionary", "counties/chr_county_measures_dictionary.csv"},
    SourceSpec{"chr_county_measures", "counties/chr_county_measures.csv"},
    SourceSpec{"chr_state_measures", "states/chr_state_measures.csv"},
    SourceSpec{"state_indicators", "states/state_indicators_long.csv"},
    SourceSpec{"state_unemployment", "states/state_unemployment_monthly.csv"},
    SourceSpec{"medicaid_enrollment", "states/medicaid_chip_applications_eligibility_enrollment.csv"},
    SourceSpec{"nchs_infant_mortality", "states/nchs_infant_mortality_by_state.csv"},
    SourceSpec{"nchs_leading_causes_of_death", "states/nchs_leading_causes_of_death.csv"},
    SourceSpec{"hifld_hospitals", "hospitals/hifld_hospitals.csv"},
    SourceSpec{"cms_hospitals", "cms/Hospital_General_Information.csv"},
    SourceSpec{"cms_footnotes", "cms/Footnote_Crosswalk.csv"},
    SourceSpec{"cms_readmissions", "cms/Hospital_Readmissions_Reduction_Program_Hospital.csv"},
    SourceSpec{"cms_spending", "cms/Medicare_Hospital_Spending_Per_Patient-Hospital.csv"},
    SourceSpec{"cms_patient_survey", "cms/HCAHPS-Hospital.csv.gz"},
    SourceSpec{"medicare_inpatient", "cms/Medicare_IP_Hospitals_by_Provider_2023.csv", InvalidUtf8::repair_windows1252},
    SourceSpec{"cms_hac", "cms/archive_2024-07/FY_2024_HAC_Reduction_Program_Hospital.csv"},
    SourceSpec{"cms_vbp_clinical_outcomes", "cms/archive_2024-07/hvbp_clinical_outcomes.csv"},
    SourceSpec{"cms_vbp_safety", "cms/archive_2024-07/hvbp_safety.csv"},
    SourceSpec{"cms_vbp_engagement", "cms/archive_2024-07/hvbp_person_and_community_engagement.csv"},
    SourceSpec{"cms_vbp_efficiency", "cms/archive_2024-07/hvbp_efficiency_and_cost_reduction.csv"},
    SourceSpec{"cms_vbp_total_performance", "cms/archive_2024-07/hvbp_tps.csv"},
};

constexpr int kMedicareInpatientYear = 2023;   // the data year of the medicare_inpatient file
constexpr int kReadmissionsFiscalYear = 2025;  // the HRRP program year of cms_readmissions (in its file name only)

// The VBP files, by source name.
constexpr std::array kVbpFiles{
    std::pair{"cms_vbp_clinical_outcomes", VbpFile::clinical_outcomes},
    std::pair{"cms_vbp_safety", VbpFile::safety},
    std::pair{"cms_vbp_engagement", VbpFile::engagement},
    std::pair{"cms_vbp_efficiency", VbpFile::efficiency},
    std::pair{"cms_vbp_total_performance", VbpFile::total_performance},
};

constexpr std::int64_t kProgressEveryRows = 8192;

double percent(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// Runs one source: opens it, lets `parse` read it, then records its checksum and row count.
class SourceRun {
 public:
  SourceRun(const std::filesystem::path& dir, QualityReport& report, const ProgressFn& progress)
      : dir_(dir), report_(report), progress_(progress) {}

  template <typename Parse>
  void run(std::string_view name, Parse&& parse) {
    const SourceSpec& spec = find(name);
    std::string path = (dir_ / spec.path).string();
    CsvReader reader(path, std::string(spec.path), spec.invalid_utf8);
    parse(reader);
    report_.add_source(SourceFile{std::string(spec.name), std::string(spec.path), reader.sha256(), reader.total_bytes(),
                                  reader.rows_read()});
    if (progress_) progress_(spec.name, reader.total_bytes(), reader.total_bytes());
  }

  // Runs one source that is not CSV: `parse` gets its whole text and returns how many records it held.
  template <typename Parse>
  void run_document(std::string_view name, Parse&& parse) {
    const SourceSpec& spec = find(name);
    const std::string path = (dir_ / spec.path).string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::not_found, std::string(spec.path) + ": cannot open " + path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::int64_t records = parse(text, std::string(spec.path));
    report_.add_source(SourceFile{std::string(spec.name), std::string(spec.path), sha256_hex(text),
                                  static_cast<std::int64_t>(text.size()), records});
    if (progress_) progress_(spec.name, static_cast<std::int64_t>(text.size()), static_cast<std::int64_t>(text.size()));
  }

  // Reports progress every few thousand rows of a long file.
  void tick(std::string_view name, const CsvReader& reader) const {
    if (progress_ && reader.rows_read() % kProgressEveryRows == 0) {
      progress_(name, reader.bytes_read(), reader.total_bytes());
    }
  }

 private:
  static const SourceSpec& find(std::string_view name) {
    for (const auto& spec : kSources) {
      if (spec.name == name) return spec;
    }
    throw Error(ErrorCode::internal, "unknown source " + std::string(name));
  }

  const std::filesystem::path& dir_;
  QualityReport& report_;
  const ProgressFn& progress_;
};

// Counts what the summary and the report's metrics need while hospitals stream past.
struct HospitalTally {
  std::int64_t loaded = 0, rated = 0, emergency = 0, geocoded = 0, state_mismatch = 0, with_county = 0;
  std::int64_t linked_zip = 0, linked_city = 0, ambiguous = 0, with_beds = 0;
  std::map<std::string, std::int64_t> by_type, by_rating;
  std::set<std::string> states;
};

// Passes records on to `target`, counting the measure values: the summary's count lets the server size its
// measure index without counting the stored rows again.
class MeasureValueCounter final : public DatasetSink {
 public:
  explicit MeasureValueCounter(DatasetSink& target) : target_(target) {}
  void receive(RecordRef record) override {
    if (std::holds_alternative<const MeasureValue*>(record)) ++count_;
    target_.receive(record);
  }
  std::int64_t count() const { return count_; }

 private:
  DatasetSink& target_;
  std::int64_t count_ = 0;
};

nlohmann::json make_summary(const HospitalTally& t, std::int64_t measure_values, const QualityReport& report) {
  return {{"hospitals", t.loaded},
          {"rated", t.rated},
          {"states", t.states.size()},
          {"emergency_services", t.emergency},
          {"geocoded", t.geocoded},
          {"geocoded_pct", percent(t.geocoded, t.loaded)},
          {"with_beds", t.with_beds},
          {"hifld_match_pct", percent(t.linked_zip + t.linked_city, t.loaded)},
          {"by_type", t.by_type},
          {"by_rating", t.by_rating},
          {"measure_values", measure_values},
          {"quarantined_rows", report.quarantined().size()},
          {"findings", report.findings().size()}};
}

void record_metrics(const HospitalTally& t, std::size_t zip_count, QualityReport& report) {
  report.set_metric("hospitals_loaded", static_cast<double>(t.loaded));
  report.set_metric("geocoded_pct", percent(t.geocoded, t.loaded));
  report.set_metric("geocode_state_mismatch", static_cast<double>(t.state_mismatch));
  report.set_metric("county_fips_resolved_pct", percent(t.with_county, t.loaded));
  report.set_metric("hifld_match_pct", percent(t.linked_zip + t.linked_city, t.loaded));
  report.set_metric("hifld_match_by_name_zip", static_cast<double>(t.linked_zip));
  report.set_metric("hifld_match_by_name_city", static_cast<double>(t.linked_city));
  report.set_metric("hifld_ambiguous", static_cast<double>(t.ambiguous));
  report.set_metric("hospitals_with_beds", static_cast<double>(t.with_beds));
  report.set_metric("zip_centroids", static_cast<double>(zip_count));
}

// Geocodes, resolves the county and links beds of one hospital, flagging what did not work.
void enrich(Hospital& h, std::int64_t line, const Geocoder& geocoder, const CountyResolver& counties,
            const HospitalLinker& linker, HospitalTally& tally, QualityReport& report) {
  auto where = [line] { return "line " + std::to_string(line) + ": "; };
  switch (geocoder.geocode(h)) {
    case GeocodeOutcome::geocoded: ++tally.geocoded; break;
    case GeocodeOutcome::state_mismatch:
      ++tally.geocoded;
      ++tally.state_mismatch;
      report.flag("cms_hospitals", "reference", "ZIP Code", Severity::warning,
                  [&] { return where() + "ZIP " + h.zip + " lies in another state than " + h.state; });
      break;
    case GeocodeOutcome::unknown_zip:
      report.flag("cms_hospitals", "geocode", "ZIP Code", Severity::warning,
                  [&] { return where() + "ZIP " + h.zip + " has no centroid"; });
      break;
  }
  h.county_fips = counties.resolve(h.state, h.county);
  if (h.county_fips) {
    ++tally.with_county;
  } else {
    report.flag("cms_hospitals", "reference", "County/Parish", Severity::warning,
                [&] { return where() + "county '" + h.county + "' is not a known county of " + h.state; });
  }
  switch (linker.link(h)) {
    case LinkOutcome::by_name_zip: ++tally.linked_zip; break;
    case LinkOutcome::by_name_city: ++tally.linked_city; break;
    case LinkOutcome::ambiguous:
      ++tally.ambiguous;
      report.flag("cms_hospitals", "link", "beds", Severity::info,
                  [&] { return where() + "several HIFLD records with different beds match '" + h.name + "'"; });
      break;
    case LinkOutcome::unmatched:
      report.flag("cms_hospitals", "link", "beds", Severity::info,
                  [&] { return where() + "no HIFLD record matches '" + h.name + "'"; });
      break;
  }
}

void tally_hospital(const Hospital& h, HospitalTally& tally) {
  ++tally.loaded;
  if (h.rating) {
    ++tally.rated;
    ++tally.by_rating[std::to_string(*h.rating)];
  }
  if (h.emergency_services) ++tally.emergency;
  if (h.beds) ++tally.with_beds;
  ++tally.by_type[h.type];
  tally.states.insert(h.state);
}

}  // namespace

std::span<const SourceSpec> required_sources() { return kSources; }

IngestResult ingest_sources(const std::filesystem::path& source_dir, DatasetSink& sink, const ProgressFn& progress) {
  if (!std::filesystem::is_directory(source_dir)) {
    throw Error(ErrorCode::not_found, "source directory " + source_dir.string() + " does not exist");
  }
  IngestResult result;
  QualityReport& report = result.report;
  SourceRun sources(source_dir, report, progress);

  std::optional<CountyLocator> county_locator;
  sources.run_document("county_boundaries", [&](const std::string& text, const std::string& path) {
    county_locator = CountyLocator::from_topojson(text, path);
    return static_cast<std::int64_t>(county_locator->size());
  });
  Geocoder geocoder;
  std::int64_t zips_in_a_county = 0;
  sources.run("zip_centroids", [&](CsvReader& reader) {
    read_zip_centroids(reader, report, [&](ZipCentroid& z) {
      z.county_fips = county_locator->county_of(z.latitude, z.longitude);
      zips_in_a_county += z.county_fips ? 1 : 0;
      geocoder.add(z);
      sink.add(z);
    });
  });

  std::map<std::string, County> counties;
  sources.run("urban_rural_codes", [&](CsvReader& reader) {
    read_urban_rural_codes(reader, report, [&](County& c) { counties[c.fips] = c; });
  });
  std::vector<MeasureDefinition> dictionary;
  sources.run("chr_measure_dictionary", [&](CsvReader& reader) {
    read_measure_dictionary(reader, report, [&](MeasureDefinition& d) {
      dictionary.push_back(d);
      sink.add(d);
    });
  });
  const auto proportions = proportion_measures(dictionary);
  auto emit_measure = [&](AreaMeasure& m) { sink.add(m); };
  sources.run("chr_county_measures", [&](CsvReader& reader) {
    read_chr_measures(reader, report, ChrLevels::counties_only, proportions, emit_measure, [&](County& c) {
      auto [it, inserted] = counties.try_emplace(c.fips, c);
      if (!inserted) it->second.name = c.name;  // CHR's current names win over the NCHS file's
    });
  });
  sources.run("chr_state_measures", [&](CsvReader& reader) {
    read_chr_measures(reader, report, ChrLevels::states_and_nation, proportions, emit_measure, [](County&) {});
  });
  CountyResolver county_resolver;
  for (const auto& [fips, county] : counties) {
    county_resolver.add(county);
    sink.add(county);
  }

  MedicaidEnrollmentPanel enrollment_panel;
  sources.run("state_indicators", [&](CsvReader& reader) {
    read_state_indicators(reader, report, [&](StateIndicator& i) {
      enrollment_panel.add_population(i);
      sink.add(i);
    });
  });
  sources.run("state_unemployment", [&](CsvReader& reader) {
    read_state_unemployment(reader, report, [&](StateUnemployment& u) { sink.add(u); });
  });
  sources.run("medicaid_enrollment", [&](CsvReader& reader) {
    read_medicaid_enrollment(reader, report, [&](MedicaidEnrollment& m) {
      enrollment_panel.add(m);
      sink.add(m);
    });
  });
  for (const auto& indicator : enrollment_panel.indicators()) sink.add(indicator);
  auto emit_indicator = [&](StateIndicator& i) { sink.add(i); };
  sources.run("nchs_infant_mortality",
              [&](CsvReader& reader) { read_nchs_infant_mortality(reader, report, emit_indicator); });
  sources.run("nchs_leading_causes_of_death",
              [&](CsvReader& reader) { read_nchs_causes_of_death(reader, report, emit_indicator); });

  std::vector<HifldHospital> hifld;
  sources.run("hifld_hospitals", [&](CsvReader& reader) {
    read_hifld_hospitals(reader, report, [&](HifldHospital& h) { hifld.push_back(h); });
  });
  const HospitalLinker linker(hifld);

  HospitalTally tally;
  MeasureReferences references;
  sources.run("cms_hospitals", [&](CsvReader& reader) {
    read_cms_hospitals(reader, report, [&](Hospital& h) {
      enrich(h, reader.line(), geocoder, county_resolver, linker, tally, report);
      tally_hospital(h, tally);
      references.hospitals.emplace(h.id, static_cast<std::uint32_t>(references.hospitals.size()));
      sink.add(h);
      sources.tick("cms_hospitals", reader);
    });
  });

  sources.run("cms_footnotes", [&](CsvReader& reader) {
    read_cms_footnotes(reader, report, [&](CmsFootnote& f) {
      references.footnotes.insert(f.code);
      sink.add(f);
    });
  });
  MeasureValueCounter measures(sink);
  sources.run("cms_readmissions", [&](CsvReader& reader) {
    read_cms_readmissions(reader, report, references, measures, kReadmissionsFiscalYear);
  });
  sources.run("cms_spending", [&](CsvReader& reader) { read_cms_spending(reader, report, references, measures); });
  sources.run("cms_patient_survey",
              [&](CsvReader& reader) { read_cms_patient_survey(reader, report, references, measures); });
  sources.run("medicare_inpatient", [&](CsvReader& reader) {
    read_medicare_inpatient(reader, report, references, measures, kMedicareInpatientYear);
  });
  sources.run("cms_hac", [&](CsvReader& reader) { read_cms_hac(reader, report, references, measures); });
  for (const auto& vbp : kVbpFiles) {  // not a structured binding: clang 14 cannot capture one
    sources.run(vbp.first, [&](CsvReader& reader) {
      read_cms_value_based_purchasing(reader, report, references, measures, vbp.second);
    });
  }

  record_metrics(tally, geocoder.size(), report);
  report.set_metric("zip_county_located_pct", percent(zips_in_a_county, static_cast<std::int64_t>(geocoder.size())));
  result.summary = make_summary(tally, measures.count(), report);
  result.version = dataset_version_of(report.sources());
  return result;
}

}  // namespace hci::ingest
