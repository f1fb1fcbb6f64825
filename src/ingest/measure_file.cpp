#include "ingest/measure_file.hpp"

#include "core/text.hpp"
#include "ingest/field_parse.hpp"

namespace hci::ingest {

namespace {

constexpr double kLargestRatio = 10;
constexpr double kLargestZScore = 10;
constexpr int kFirstFiscalYear = 2000, kLastFiscalYear = 2100;
constexpr double kLargestAmount = 1e13;

std::string single_quoted(std::string_view raw) { return "'" + std::string(raw) + "'"; }

}  // namespace

ValueRange range_of_unit(std::string_view unit) {
  if (unit == "ratio") return {0, kLargestRatio, true};
  if (unit == "sir") return {0, kLargestRatio, false};
  if (unit == "proportion") return {0, 1, false};
  if (unit == "z_score") return {-kLargestZScore, kLargestZScore, false};
  if (unit == "percent" || unit == "score") return {0, 100, false};
  if (unit == "stars") return {1, 5, false};
  return {0, kLargestAmount, false};
}

MeasureFile::MeasureFile(CsvReader& reader, std::string source, QualityReport& report,
                         const MeasureReferences& references, DatasetSink& sink)
    : reader_(reader), row_(reader, std::move(source), report), report_(report), references_(references), sink_(sink) {}

bool MeasureFile::begin_row() {
  pending_.clear();
  pending_measures_.clear();
  unknown_facility_ = false;
  if (!row_.begin_row()) return false;
  if (reader_.row_repaired()) {
    report_.flag(row_.source(), "encoding", "(row)", Severity::info, [&] {
      return "line " + std::to_string(reader_.line()) + ": bytes that are not UTF-8 read as Windows-1252 (Latin-1)";
    });
  }
  return true;
}

std::string MeasureFile::facility(const Column& column) {
  std::string id = row_.required_text(column);
  const auto known = references_.hospitals.find(id);
  unknown_facility_ = !id.empty() && known == references_.hospitals.end();
  facility_number_ = known == references_.hospitals.end() ? 0 : known->second;
  if (unknown_facility_) {
    report_.flag(row_.source(), "reference", column.name, Severity::warning, [&] {
      return "line " + std::to_string(reader_.line()) + ": facility " + single_quoted(id) +
             " is not a hospital of Hospital General Information; its values are not loaded";
    });
  }
  return id;
}

void MeasureFile::read_value(const Column& column, const HospitalMeasure& measure, MeasureValue& into) {
  std::string_view raw = row_.text(column);
  if (raw.empty()) {
    into.missing_reason = "Blank";
    return;
  }
  if (std::string_view word = cms_missing_word(raw); !word.empty()) {
    into.missing_reason = word;
    return;
  }
  const auto value = to_amount(measure.unit == "percent" && raw.ends_with('%') ? raw.substr(0, raw.size() - 1) : raw);
  if (!value) {
    row_.reject(column, "type", "expected a number or one of CMS's missing-value words, got " + single_quoted(raw));
    return;
  }
  const ValueRange range = range_of_unit(measure.unit);
  const bool below = range.min_exclusive ? *value <= range.min : *value < range.min;
  if (below || *value > range.max) {
    row_.reject(column, "range",
                "a " + measure.unit + " of " + measure.id + " must lie in " + (range.min_exclusive ? "(" : "[") +
                    std::to_string(range.min) + ", " + std::to_string(range.max) + "], got " + single_quoted(raw));
    return;
  }
  into.value = *value == 0 ? 0.0 : *value;  // "-0.0000" is 0: the stores keep no sign of zero
}

std::optional<double> MeasureFile::amount(const Column& column) {
  const std::string_view raw = row_.text(column);
  if (raw.empty() || !cms_missing_word(raw).empty()) return std::nullopt;
  const auto value = to_amount(raw);
  if (!value || *value < 0) {
    row_.reject(column, "type", "expected a count or amount of at least 0, got " + single_quoted(raw));
    return std::nullopt;
  }
  return value;
}

std::string MeasureFile::footnote(const Column& column) {
  const std::string_view codes = row_.text(column);
  for (size_t begin = 0; begin < codes.size();) {
    const size_t comma = std::min(codes.find(',', begin), codes.size());
    const std::string code(trim(codes.substr(begin, comma - begin)));
    if (!code.empty() && !references_.footnotes.contains(code)) {
      report_.flag(row_.source(), "reference", column.name, Severity::warning, [&] {
        return "line " + std::to_string(reader_.line()) + ": footnote " + single_quoted(code) +
               " is not in the Footnote Crosswalk";
      });
    }
    begin = comma + 1;
  }
  return std::string(codes);
}

const Period& MeasureFile::read_period(const Column& start, const Column& end) {
  const std::string_view start_text = row_.text(start), end_text = row_.text(end);
  if (start_text == last_start_ && end_text == last_end_ && !last_period_.start.empty()) return last_period_;
  auto date = [&](const Column& column, std::string_view text) {
    auto iso = us_date_to_iso(text);
    if (!iso) row_.reject(column, "type", "expected a date MM/DD/YYYY, got " + single_quoted(text));
    return iso.value_or("");
  };
  last_period_ = Period{date(start, start_text), date(end, end_text), std::nullopt};
  last_start_ = start_text;
  last_end_ = end_text;
  if (last_period_.start.empty() || last_period_.end.empty()) last_period_.start.clear();  // parse again next time
  return last_period_;
}

std::optional<int> MeasureFile::fiscal_year(const Column& column) {
  const std::string_view raw = row_.text(column);
  const auto year = to_int(raw);
  if (!year || *year < kFirstFiscalYear || *year > kLastFiscalYear) {
    row_.reject(column, "type", "expected a fiscal year, got " + single_quoted(raw));
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

void MeasureFile::add(MeasureValue value, const CatalogueEntry& measure) {
  if (seen_.size() <= measure.index) seen_.resize(measure.index + 1);
  std::vector<bool>& hospitals = seen_[measure.index];
  if (hospitals.empty()) hospitals.resize(references_.hospitals.size());
  if (!unknown_facility_ && hospitals[facility_number_]) {
    row_.reject(Column{0, "(row)"}, "uniqueness",
                "a second value of " + measure.measure.id + " for facility " + single_quoted(value.facility_id));
  }
  pending_.push_back(std::move(value));
  pending_measures_.push_back(measure.index);
}

bool MeasureFile::end_row() {
  if (!row_.end_row() || unknown_facility_) return false;
  for (std::uint32_t measure : pending_measures_) seen_[measure][facility_number_] = true;
  for (const auto& value : pending_) sink_.add(value);
  return true;
}

void MeasureFile::finish() {
  for (const auto& [id, entry] : catalogue_) sink_.add(entry.measure);
}

void MeasureFile::flag_other_period(const HospitalMeasure& measure, const Period& period) {
  report_.flag(row_.source(), "consistency", "Start Date", Severity::warning, [&] {
    auto describe = [](std::string_view start, std::string_view end, std::optional<int> fiscal_year) {
      return std::string(start) + " to " + std::string(end) +
             (fiscal_year ? " (FY" + std::to_string(*fiscal_year) + ")" : std::string());
    };
    return "line " + std::to_string(reader_.line()) + ": " + measure.id + " covers " +
           describe(period.start, period.end, period.fiscal_year) + ", earlier rows " +
           describe(measure.period_start, measure.period_end, measure.fiscal_year);
  });
}

}  // namespace hci::ingest
