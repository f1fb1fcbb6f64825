#include "ingest/cms_footnotes.hpp"

#include <set>

#include "ingest/row_validator.hpp"

namespace hci::ingest {

namespace {

constexpr std::size_t kLongestCode = 8;

}  // namespace

void read_cms_footnotes(CsvReader& reader, QualityReport& report, const std::function<void(CmsFootnote&)>& emit) {
  ColumnMap map(reader);
  const Column code = map.require("Footnote"), text = map.require("Footnote Text");
  map.check();
  RowValidator row(reader, "cms_footnotes", report);
  std::set<std::string> seen;
  while (reader.next_row()) {
    if (!row.begin_row()) continue;
    CmsFootnote footnote;
    footnote.code = row.required_text(code);
    footnote.text = row.required_text(text);
    if (footnote.code.size() > kLongestCode) {
      row.reject(code, "type", "a footnote code has at most 8 characters, got '" + footnote.code + "'");
    }
    if (row.ok() && !seen.insert(footnote.code).second) {
      row.reject(code, "uniqueness", "duplicate footnote code '" + footnote.code + "' (first occurrence kept)");
    }
    if (row.end_row()) emit(footnote);
  }
}

}  // namespace hci::ingest
