#pragma once
// The rules every hospital measure file shares (HRRP, MSPB, HCAHPS, Medicare inpatient...): values and
// CMS's missing words, footnote codes, the facility a row is about, one value per hospital and measure,
// and the catalogue entry of each measure the file holds.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/dataset_sink.hpp"
#include "ingest/row_validator.hpp"

namespace hci::ingest {

/// What measure rows are checked against: the hospitals and footnote codes of the same dataset.
struct MeasureReferences {
  std::unordered_set<std::string> hospitals;  // CCNs of the dataset's hospitals
  std::unordered_set<std::string> footnotes;  // codes of the Footnote Crosswalk
};

/// The values a measure of a given unit may take; outside them a value breaks the range rule.
struct ValueRange {
  double min = 0;
  double max = 0;
  bool min_exclusive = false;  // ratios must be above 0
};

/// The range of a catalogue unit: ratio (0, 10], percent and score 0-100, stars 1-5, counts, dollars and
/// days from 0.
ValueRange range_of_unit(std::string_view unit);

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
  /// A cell as a value of `measure`: a number within its unit's range, or null with CMS's missing word
  /// as the reason ("Blank" for an empty cell). Any other text rejects the row (type rule).
  void read_value(const Column& column, const HospitalMeasure& measure, MeasureValue& into);
  /// A count or amount cell (thousands separators and "$" allowed) at least 0; nullopt when missing.
  std::optional<double> amount(const Column& column);
  /// The footnote codes of a cell, each checked against the Footnote Crosswalk (an unknown code is a
  /// warning; the codes are kept as written).
  std::string footnote(const Column& column);
  /// The row's measurement period from its start and end date columns (MM/DD/YYYY); a bad date rejects it.
  void read_period(const Column& start, const Column& end, HospitalMeasure& into);
  /// Adds a value of the current row, rejecting the row when the hospital already has a value of that measure.
  void add(MeasureValue value, const HospitalMeasure& measure);
  /// Ends the row: its values go to the sink when it is accepted. True when accepted.
  bool end_row();
  /// Sends one catalogue entry per measure seen, in id order. Call once, after the last row.
  void finish();

 private:
  void note_measure(const HospitalMeasure& measure);

  CsvReader& reader_;
  RowValidator row_;
  QualityReport& report_;
  const MeasureReferences& references_;
  DatasetSink& sink_;
  std::vector<MeasureValue> pending_;
  bool unknown_facility_ = false;
  std::unordered_set<std::string> seen_;  // facility_id '|' measure_id of every accepted value
  std::map<std::string, HospitalMeasure> catalogue_;
};

}  // namespace hci::ingest
