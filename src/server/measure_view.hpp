#pragma once
// The hospital measures of the served version, indexed for the measure routes: the catalogue with each
// measure's distribution over hospitals, every hospital's values, and the footnote texts.

#include <cstdint>
#include <map>
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

/// The measures of one version. Immutable once built; safe to share between threads.
class MeasureView {
 public:
  /// Indexes `values` (any order) of `catalogue` for `hospitals` (ordered by id, as the snapshot holds them).
  MeasureView(std::vector<HospitalMeasure> catalogue, std::vector<MeasureValue> values,
              const std::vector<CmsFootnote>& footnotes, std::span<const Hospital> hospitals);

  /// The catalogue, ordered by id.
  std::span<const HospitalMeasure> measures() const { return catalogue_; }
  /// The position of a measure in measures(), or nullopt.
  std::optional<std::size_t> find(std::string_view id) const;
  /// The distribution of measures()[index].
  const MeasureDistribution& distribution(std::size_t index) const { return distributions_[index]; }
  /// The values of a hospital (by its position in the snapshot), ordered by measure id.
  std::span<const MeasureValue> values_of(std::size_t hospital) const;
  /// For measures()[index], the hospitals (snapshot positions) with a value and their value positions.
  std::span<const std::pair<std::uint32_t, std::uint32_t>> hospitals_with(std::size_t index) const {
    return with_value_[index];
  }
  /// The value at a position of the value table.
  const MeasureValue& value_at(std::uint32_t position) const { return values_[position]; }
  /// The text of a footnote code, or nullptr when the crosswalk lacks it.
  const std::string* footnote_text(std::string_view code) const;

  /// The catalogue entry as JSON, with the count of hospitals that have a value.
  nlohmann::ordered_json measure_json(std::size_t index) const;
  /// The catalogue entry with its distribution: quantiles, missing reasons, national value, per state.
  nlohmann::ordered_json measure_detail_json(std::size_t index) const;
  /// One value of a hospital in `state`, against the national and state values, with footnote text and
  /// percentile among hospitals.
  nlohmann::ordered_json value_json(const MeasureValue& value, const std::string& state) const;

 private:
  std::vector<HospitalMeasure> catalogue_;
  std::vector<MeasureValue> values_;           // ordered by hospital position, then measure id
  std::vector<std::uint32_t> hospital_begin_;  // values of hospital h: [begin[h], begin[h+1])
  std::vector<MeasureDistribution> distributions_;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> with_value_;
  std::unordered_map<std::string, std::string> footnotes_;
};

/// The percentile (0-100) of `value` among `sorted` values: the share below plus half the share equal.
double percentile_of(std::span<const double> sorted, double value);

}  // namespace hci::server
