#pragma once
// The rules every hospital measure file shares (HRRP, MSPB, HCAHPS, Medicare inpatient...): values and
// CMS's missing words, footnote codes, the facility a row is about, one value per hospital and measure,
// and the catalogue entry of each measure the file holds.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/dataset_sink.hpp"
#include "core/hospital_measure.hpp"
#include "core/measure_value.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

/// What measure rows are checked against: the hospitals and footnote codes of the same dataset.
struct MeasureReferences {
  std::unordered_map<std::string, std::uint32_t> hospitals;  // CCN -> a number of its own, per dataset hospital
  std::unordered_set<std::string> footnotes;                 // codes of the Footnote Crosswalk
};

/// A measurement period as ISO dates ("2020-07-01" to "2023-06-30") and the program's fiscal year, when the
/// figures feed one (HRRP, HAC Reduction, Value-Based Purchasing).
struct Period {
  std::string start;
  std::string end;
  std::optional<int> fiscal_year;
};

/// A measure of the file's catalogue and its number within the file.
struct CatalogueEntry {
  HospitalMeasure measure;
  std::uint32_t index = 0;
};

/// The values a measure of a given unit may take; outside them a value breaks the range rule.
struct ValueRange {
  double min = 0;
  double max = 0;
  bool min_exclusive = false;  // ratios must be above 0
};

/// The range of a catalogue unit: ratio (0, 10], standardized infection ratio (sir) [0, 10], proportion 0-1,
/// z_score [-10, 10], percent and score 0-100, stars 1-5, counts, dollars and days from 0.
ValueRange range_of_unit(std::string_view unit);

/// A describe function for MeasureFile::measure(): sets the entry's name, group, direction, unit and source.
inline auto described_as(std::string name, std::string_view group, std::string_view direction, std::string_view unit,
                         std::string_view source) {
  return [=, name = std::move(name)](HospitalMeasure& m) {
    m.name = name;
    m.group = group;
    m.direction = direction;
    m.unit = unit;
    m.source = source;
  };
}

/// One measure file being read: wraps the row validator with the shared measure rules and sends accepted
/// values and, at finish(), the catalogue entries to a DatasetSink. A row's values reach the sink only when
/// the whole row is accepted. Not thread-safe.
class MeasureFile {
 public:
  MeasureFile(CsvReader& reader, std::string source, QualityReport& report, const MeasureReferences& references,
              DatasetSink& sink);

  /// The row validator, for the file's own fields.
  RowValidator& row() { return row_; }
  /// Starts a row (false when it is ragged and already quarantined).
  bool begin_row();
  /// The row's facility. A facility that is not a hospital of the dataset (CMS lists closed hospitals
  /// in its measure files for a while) is a reference finding, counted per row, and the row's values are
  /// not loaded: there is no hospital to hang them on.
  std::string facility(const Column& column);
  /// A cell as a value of `measure`: a number within its unit's range (a percent may carry a "%"), or null
  /// with CMS's missing word as the reason ("Blank" for an empty cell). Any other text rejects the row
  /// (type rule).
  void read_value(const Column& column, const HospitalMeasure& measure, MeasureValue& into);
  /// A count or amount cell (thousands separators and "$" allowed) at least 0; nullopt when missing.
  std::optional<double> amount(const Column& column);
  /// The footnote codes of a cell, each checked against the Footnote Crosswalk (an unknown code is a
  /// warning; the codes are kept as written).
  std::string footnote(const Column& column);
  /// The row's measurement period from its start and end date columns (MM/DD/YYYY); a bad date rejects
  /// the row. Each distinct text is parsed once.
  const Period& read_period(const Column& start, const Column& end);
  /// The row's program fiscal year (a year from 2000 to 2100); anything else rejects the row.
  std::optional<int> fiscal_year(const Column& column);
  /// The catalogue entry `id` covering `period`. The first time the id is seen, the entry gets `period` (and
  /// its fiscal year) and `describe(HospitalMeasure&)` fills its name, group, direction, unit and source; a
  /// later row of the id with another period or fiscal year is a consistency warning.
  template <typename Describe>
  const CatalogueEntry& measure(std::string_view id, const Period& period, Describe&& describe) {
    auto it = catalogue_.find(id);
    if (it == catalogue_.end()) {
      CatalogueEntry entry{HospitalMeasure{}, static_cast<std::uint32_t>(catalogue_.size())};
      entry.measure.id = id;
      entry.measure.period_start = period.start;
      entry.measure.period_end = period.end;
      entry.measure.fiscal_year = period.fiscal_year;
      describe(entry.measure);
      return catalogue_.emplace(std::string(id), std::move(entry)).first->second;
    }
    const HospitalMeasure& known = it->second.measure;
    if (known.period_start != period.start || known.period_end != period.end ||
        known.fiscal_year != period.fiscal_year) {
      flag_other_period(it->second.measure, period);
    }
    return it->second;
  }
  /// Adds a value of the current row, rejecting the row when the hospital already has a value of that measure.
  void add(MeasureValue value, const CatalogueEntry& measure);
  /// Ends the row: its values go to the sink when it is accepted. True when accepted.
  bool end_row();
  /// Sends one catalogue entry per measure seen, in id order. Call once, after the last row.
  void finish();

 private:
  void flag_other_period(const HospitalMeasure& measure, const Period& period);

  CsvReader& reader_;
  RowValidator row_;
  QualityReport& report_;
  const MeasureReferences& references_;
  DatasetSink& sink_;
  std::vector<MeasureValue> pending_;
  std::vector<std::uint32_t> pending_measures_;  // the catalogue index of each pending value
  bool unknown_facility_ = false;
  std::uint32_t facility_number_ = 0;
  std::vector<std::vector<bool>> seen_;  // [measure index][facility number]: the hospital has a value of it
  std::map<std::string, CatalogueEntry, std::less<>> catalogue_;
  std::string last_start_, last_end_;  // the raw dates the cached period was parsed from
  Period last_period_;
};

}  // namespace hci::ingest
