#include "server/routes/export_routes.hpp"

#include <array>
#include <memory>

#include "server/export_table.hpp"
#include "server/hospital_json.hpp"
#include "server/hospital_query.hpp"
#include "server/measure_selection.hpp"
#include "server/openapi.hpp"
#include "server/routes/payload.hpp"
#include "server/xlsx_workbook.hpp"

namespace hci::server {

namespace {

constexpr std::size_t kRowsPerChunk = 256;
constexpr std::array<std::string_view, 4> kFormats{"csv", "json", "geojson", "xlsx"};
constexpr QueryParameter kFormat{
    .name = "format",
    .type = ParameterType::choice,
    .description =
        "csv (default; X-Row-Count header), json or geojson (end with meta.total), or xlsx (one Excel "
        "sheet with typed cells: IDs and ZIPs as text; refused above Excel's 1,048,576 rows)",
    .choices = kFormats};
constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '.
std::string csv_cell(const Json& value) {
  if (value.is_null()) return "";
  if (!value.is_string()) return value.dump();
  std::string text = value.get<std::string>();
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) text = "'" + text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void append_csv_line(std::string& out, const std::vector<Json>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + csv_cell(cells[i]);
  out += "\r\n";
}

// The hospital's JSON object, with {id: {value, missing_reason, footnote}} of the chosen measures.
std::string hospital_with_measures(const Snapshot& snapshot, std::uint32_t index,
                                   const std::vector<std::size_t>& measures) {
  std::string object = snapshot.hospital_json(index);
  if (measures.empty()) return object;
  Json chosen = Json::object();
  for (std::size_t measure : measures) {
    chosen[snapshot.measures().measures()[measure].id] = brief_value_json(snapshot.measures(), index, measure);
  }
  object.pop_back();
  return object + ",\"measures\":" + chosen.dump() + "}";
}

void append_feature(std::string& out, const Snapshot& snapshot, std::uint32_t index,
                    const std::vector<std::size_t>& measures) {
  const Hospital& h = snapshot.hospitals()[index];
  out += "{\"type\":\"Feature\",\"geometry\":";
  out += h.latitude && h.longitude ? Json{{"type", "Point"}, {"coordinates", {*h.longitude, *h.latitude}}}.dump()
                                   : std::string("null");
  out += ",\"properties\":" + hospital_with_measures(snapshot, index, measures) + "}";
}

// Streams the export piece by piece; keeps the snapshot alive until the last piece is sent.
class ExportStream {
 public:
  ExportStream(std::shared_ptr<const Snapshot> snapshot, std::vector<HospitalMatch> matches, std::string format,
               std::vector<std::size_t> measures)
      : snapshot_(std::move(snapshot)),
        matches_(std::move(matches)),
        format_(std::move(format)),
        measures_(std::move(measures)) {}

  bool next(std::string& out) {
    if (stage_ == Stage::done) return false;
    if (stage_ == Stage::opening) {
      out += opening();
      stage_ = Stage::rows;
    }
    const std::size_t end = std::min(matches_.size(), position_ + kRowsPerChunk);
    for (; position_ < end; ++position_) append_row(out);
    if (position_ == matches_.size()) {
      out += closing();
      stage_ = Stage::done;
    }
    return true;
  }

 private:
  enum class Stage { opening, rows, done };

  std::string opening() const {
    if (format_ == "csv") {
      std::vector<Json> header;
      for (auto& column : export_columns(*snapshot_, measures_)) header.emplace_back(std::move(column));
      std::string line;
      append_csv_line(line, header);
      return line;
    }
    return format_ == "geojson" ? "{\"type\":\"FeatureCollection\",\"features\":[" : "{\"data\":[";
  }

  // JSON and GeoJSON end with the row count: a body cut short is invalid JSON, never a short list.
  std::string closing() const {
    if (format_ == "csv") return "";
    return "],\"meta\":{\"total\":" + std::to_string(matches_.size()) + ",\"complete\":true,\"dataset_version\":\"" +
           snapshot_->dataset().version + "\",\"source\":" + snapshot_->source_text() + "}}";
  }

  void append_row(std::string& out) {
    const std::uint32_t index = matches_[position_].index;
    if (format_ == "csv") return append_csv_line(out, export_row(*snapshot_, index, measures_));
    if (position_ > 0) out += ',';
    if (format_ == "geojson") return append_feature(out, *snapshot_, index, measures_);
    out += hospital_with_measures(*snapshot_, index, measures_);
  }

  std::shared_ptr<const Snapshot> snapshot_;
  std::vector<HospitalMatch> matches_;
  std::string format_;
  std::vector<std::size_t> measures_;  // catalogue positions of the chosen measures
  std::size_t position_ = 0;
  Stage stage_ = Stage::opening;
};

// The whole workbook at once: an XLSX file is a ZIP archive, which cannot be streamed row by row.
HttpResponse xlsx_response(const Snapshot& snapshot, const std::vector<HospitalMatch>& matches,
                           const std::vector<std::size_t>& measures) {
  const auto columns = export_columns(snapshot, measures);
  if (auto overflow = sheet_overflow(matches.size(), columns.size())) {
    throw RequestError(400, ErrorCode::invalid_input, "the export does not fit an Excel sheet",
                       {{"format", "xlsx", *overflow}});
  }
  HttpResponse response;
  response.body = xlsx_workbook("hospitals", columns, matches.size(),
                                [&](std::size_t row) { return export_row(snapshot, matches[row].index, measures); });
  response.content_type = kXlsxType;
  return response;
}

std::string_view content_type_of(std::string_view format) {
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "geojson") return "application/geo+json";
  return "application/json";
}

HttpResponse export_hospitals(const RequestContext& context) {
  QueryReader query(context.request.query);
  const HospitalFilter filter = read_hospital_filter(query, *context.snapshot);
  const HospitalSort sort = read_hospital_sort(query, filter);
  const std::string format = query.choice(kFormat).value_or("csv");
  auto measures = read_measure_list(query, context.snapshot->measures()).value_or(std::vector<std::size_t>{});
  query.finish();
  auto matches = find_hospitals(*context.snapshot, filter, sort);
  const std::size_t rows = matches.size();
  HttpResponse response;
  if (format == "xlsx") {
    response = xlsx_response(*context.snapshot, matches, measures);
  } else {
    response.content_type = content_type_of(format);
    auto stream = std::make_shared<ExportStream>(context.snapshot, std::move(matches), format, std::move(measures));
    response.stream = [stream](std::string& out) { return stream->next(out); };
  }
  response.set_header("X-Row-Count", std::to_string(rows));
  response.set_header("Content-Disposition", "attachment; filename=\"hospitals." + format + "\"");
  return response;
}

// The 200 of the export in each format.
Json export_content() {
  const Json rows = {{"type", "object"},
                     {"properties", {{"data", array_of("Hospital")}, {"meta", schema_ref("ExportMeta")}}},
                     {"required", {"data", "meta"}}};
  const Json features = {{"type", "object"},
                         {"properties",
                          {{"type", {{"const", "FeatureCollection"}}},
                           {"features", array_of("HospitalFeature")},
                           {"meta", schema_ref("ExportMeta")}}},
                         {"required", {"type", "features", "meta"}}};
  return {{"text/csv", {{"schema", {{"type", "string"}}}}},
          {"application/json", {{"schema", rows}}},
          {"application/geo+json", {{"schema", features}}},
          {std::string(kXlsxType), {{"schema", {{"type", "string"}, {"contentMediaType", kXlsxType}}}}}};
}

}  // namespace

void add_export_routes(Router& router) {
  Json export_operation =
      operation("export",
                "Every matching hospital, streamed (chunked), never capped; measures=ID,... adds each "
                "measure's value, missing_reason and footnote (CSV columns ID, ID_missing_reason, "
                "ID_footnote; a measures object in JSON and GeoJSON)",
                describe({hospital_filter_parameters(),
                          {&hospital_sort_parameter(), 1},
                          {&kFormat, 1},
                          {&measure_list_parameter(), 1}}),
                Json{{"type", "string"}}, {400});
  export_operation["responses"]["200"]["content"] = export_content();
  router.add({"GET", "/api/v1/export/hospitals", Scope::export_data, export_hospitals, export_operation});
}

}  // namespace hci::server
