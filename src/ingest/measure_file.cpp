#include "ingest/measure_file.hpp"

#include "core/text.hpp"
#include "ingest/field_parse.hpp"

namespace hci::ingest {

namespace {

constexpr double kLargestRatio = 10;
constexpr double kLargestAmount = 1e13;

std::string single_quoted(std::string_view raw) { return "'" + std::string(raw) + "'"; }

std::string value_key(const MeasureValue& value) { return value.facility_id + '|' + value.measure_id; }

}  // namespace

ValueRange range_of_unit(std::string_view unit) {
  if (unit == "ratio") return {0, kLargestRatio, true};
  if (unit == "percent" || unit == "score") return {0, 100, false};
  if (unit == "stars") return {1, 5, false};
  return {0, kLargestAmount, false};
}

MeasureFile::MeasureFile(CsvReader& reader, std::string source, QualityReport& report,
                         const MeasureReferences& references, DatasetSink& sink)
    : reader_(reader), row_(reader, std::move(source), report), report_(report), references_(references), sink_(sink) {}

bool MeasureFile::begin_row() {
  pending_.clear();
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
  unknown_facility_ = !id.empty() && !references_.hospitals.contains(id);
  if (unknown_facility_) {
    report_.flag(row_.source(), "reference", column.name, Severity::warning, [&] {
      return "line " + std::to_string(reader_.line()) + ": facility " + single_quoted(id) +
             " is not a hospital of Hospital General Information; its values are not loaded";
    });
  }
  return id;
}

void MeasureFile::read_value(const Column& column, const HospitalMeasure& measure, MeasureValue& into) {
  const std::string_view raw = row_.text(column);
  if (raw.empty()) {
    into.missing_reason = "Blank";
    return;
  }
  if (std::string_view word = cms_missing_word(raw); !word.empty()) {
    into.missing_reason = word;
    return;
  }
  const auto value = to_amount(raw);
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
  into.value = value;
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

void MeasureFile::read_period(const Column& start, const Column& end, HospitalMeasure& into) {
  auto date = [&](const Column& column) {
    auto iso = us_date_to_iso(row_.text(column));
    if (!iso) row_.reject(column, "type", "expected a date MM/DD/YYYY, got " + single_quoted(row_.text(column)));
    return iso.value_or("");
  };
  into.period_start = date(start);
  into.period_end = date(end);
}

void MeasureFile::add(MeasureValue value, const HospitalMeasure& measure) {
  note_measure(measure);
  if (seen_.contains(value_key(value))) {
    row_.reject(Column{0, "(row)"}, "uniqueness",
                "a second value of " + measure.id + " for facility " + single_quoted(value.facility_id));
  }
  pending_.push_back(std::move(value));
}

bool MeasureFile::end_row() {
  if (!row_.end_row() || unknown_facility_) return false;
  for (const auto& value : pending_) {
    seen_.insert(value_key(value));
    sink_.add(value);
  }
  return true;
}

void MeasureFile::finish() {
  for (const auto& [id, measure] : catalogue_) sink_.add(measure);
}

void MeasureFile::note_measure(const HospitalMeasure& measure) {
  auto [it, inserted] = catalogue_.try_emplace(measure.id, measure);
  if (inserted || (it->second.period_start == measure.period_start && it->second.period_end == measure.period_end)) {
    return;
  }
  report_.flag(row_.source(), "consistency", "Start Date", Severity::warning, [&] {
    return "line " + std::to_string(reader_.line()) + ": " + measure.id + " covers " + measure.period_start + " to " +
           measure.period_end + ", earlier rows " + it->second.period_start + " to " + it->second.period_end;
  });
}

}  // namespace hci::ingest
