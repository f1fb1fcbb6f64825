#pragma once
// The hospital measures of the served version, indexed for the measure routes: the catalogue with each
// measure's distribution over hospitals, every hospital's values, and the footnote texts.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cms_footnote.hpp"
#include "core/hospital.hpp"
#include "core/hospital_measure.hpp"
#include "core/measure_value.hpp"

namespace hci::server {

/// How the values of one measure spread over hospitals (only hospitals with a value count).
struct MeasureDistribution {
  std::vector<double> sorted;                           // every value, ascending
  std::map<std::string, std::int64_t> missing;          // reason -> hospitals without a value
  std::map<std::string, std::vector<double>> by_state;  // USPS code -> values, ascending
};

/// A value as the view holds it: its measure by catalogue position and CMS's words by their position in the
/// view's texts, so the 660k values of the full snapshot stay a quarter the size of MeasureValue records.
struct StoredValue {
  std::uint32_t measure = 0;         // position in MeasureView::measures()
  std::uint32_t missing_reason = 0;  // positions in MeasureView::text(); 0 is the empty text
  std::uint32_t footnote = 0;
  std::uint32_t comparison = 0;
  std::optional<double> value;
  std::optional<double> denominator;
};

/// The measures of one version. Immutable once built; safe to share between threads.
class MeasureView {
 public:
  class Builder;

  /// The catalogue, ordered by id.
  std::span<const HospitalMeasure> measures() const { return catalogue_; }
  /// The position of a measure in measures(), or nullopt.
  std::optional<std::size_t> find(std::string_view id) const;
  /// The distribution of measures()[index].
  const MeasureDistribution& distribution(std::size_t index) const { return distributions_[index]; }
  /// The values of a hospital (by its position in the snapshot), ordered by measure id.
  std::span<const StoredValue> values_of(std::size_t hospital) const;
  /// The value of a hospital for measures()[index], or nullptr.
  const StoredValue* value_of(std::size_t hospital, std::size_t index) const;
  /// For measures()[index], the hospitals (snapshot positions) with a value and their value positions.
  std::span<const std::pair<std::uint32_t, std::uint32_t>> hospitals_with(std::size_t index) const {
    return with_value_[index];
  }
  /// The value at a position of the value table.
  const StoredValue& value_at(std::uint32_t position) const { return values_[position]; }
  /// An interned text of the values (a missing reason, footnote codes or a comparison).
  const std::string& text(std::uint32_t position) const { return texts_[position]; }
  /// The text of a footnote code, or nullptr when the crosswalk lacks it.
  const std::string* footnote_text(std::string_view code) const;

  /// The catalogue entry as JSON, with the count of hospitals that have a value.
  nlohmann::ordered_json measure_json(std::size_t index) const;
  /// The catalogue entry with its distribution: quantiles, missing reasons, national value, per state.
  nlohmann::ordered_json measure_detail_json(std::size_t index) const;
  /// One value of a hospital in `state`, against the national and state values, with footnote text and
  /// percentile among hospitals.
  nlohmann::ordered_json value_json(const StoredValue& value, const std::string& state) const;

 private:
  MeasureView() = default;

  std::vector<HospitalMeasure> catalogue_;
  std::vector<StoredValue> values_;            // ordered by hospital position, then measure id
  std::vector<std::uint32_t> hospital_begin_;  // values of hospital h: [begin[h], begin[h+1])
  std::vector<std::string> texts_;             // the interned texts of values_
  std::vector<MeasureDistribution> distributions_;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> with_value_;
  std::unordered_map<std::string, std::string> footnotes_;
};

/// Builds a MeasureView from records as the store streams them, in any order, interning each value's
/// texts as it arrives. Values of hospitals or measures the version lacks are dropped (ingest never stores
/// them). Not thread-safe.
class MeasureView::Builder {
 public:
  /// Values will belong to `hospitals` (ordered by id, as the snapshot holds them); room is made for
  /// `expected_values` at once (growing 660k values step by step costs a third of the load).
  Builder(std::span<const Hospital> hospitals, std::size_t expected_values);
  /// Adds a catalogue entry.
  void add(const HospitalMeasure& measure);
  /// Adds a value.
  void add(const MeasureValue& value);
  /// Adds a footnote's text.
  void add(const CmsFootnote& footnote);
  /// Orders and indexes what was added. Call once.
  std::unique_ptr<const MeasureView> finish();

 private:
  // Hashes std::string and std::string_view alike, so lookups need no temporary string.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using TextNumbers = std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>>;

  std::uint32_t intern(std::string_view text);
  std::uint32_t measure_number(std::string_view id);
  void order_values();
  void index_values();

  std::unique_ptr<MeasureView> view_;
  TextNumbers hospital_of_;                 // CCN -> snapshot position
  std::vector<std::string> state_of_;       // snapshot position -> USPS code
  TextNumbers text_numbers_;                // text -> position in texts_
  TextNumbers measure_numbers_;             // measure id -> number in order of first appearance
  std::vector<std::uint32_t> hospital_at_;  // value position -> snapshot position
  std::string last_facility_;               // the CCN of the last value added
  std::uint32_t last_hospital_ = 0;
  std::string last_measure_;  // the id of the last value added
  std::uint32_t last_measure_number_ = 0;
};

/// The percentile (0-100) of `value` among `sorted` values: the share below plus half the share equal.
double percentile_of(std::span<const double> sorted, double value);

}  // namespace hci::server
