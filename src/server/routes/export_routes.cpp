#include "server/routes/export_routes.hpp"

#include <array>
#include <memory>

#include "server/hospital_json.hpp"
#include "server/hospital_query.hpp"
#include "server/measure_selection.hpp"
#include "server/openapi.hpp"
#include "server/routes/payload.hpp"

namespace hci::server {

namespace {

constexpr std::size_t kRowsPerChunk = 256;
constexpr std::array<std::string_view, 3> kFormats{"csv", "json", "geojson"};
constexpr QueryParameter kFormat{
    .name = "format",
    .type = ParameterType::choice,
    .description = "csv (default; X-Row-Count header), json or geojson (end with meta.total)",
    .choices = kFormats};

// CSV has one flat column per hospital field; the nested rating breakdown stays in JSON and GeoJSON.
bool is_csv_column(std::string_view field) { return field != "rating_breakdown"; }

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

// The three columns of each chosen measure: its value, CMS's missing-value word and its footnote codes.
constexpr std::array<std::string_view, 3> kMeasureColumns{"value", "missing_reason", "footnote"};

void append_csv_row(std::string& out, const Snapshot& snapshot, std::uint32_t index,
                    const std::vector<std::size_t>& measures) {
  const Json object = hospital_to_json(snapshot.hospitals()[index]);
  bool first = true;
  for (std::string_view field : hospital_fields()) {
    if (!is_csv_column(field)) continue;
    if (!first) out += ',';
    out += csv_cell(object[std::string(field)]);
    first = false;
  }
  for (std::size_t measure : measures) {
    const Json brief = brief_value_json(snapshot.measures(), index, measure);
    for (std::string_view column : kMeasureColumns) out += ',' + csv_cell(brief[std::string(column)]);
  }
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
      std::string header;
      for (std::string_view field : hospital_fields()) {
        if (is_csv_column(field)) header += (header.empty() ? "" : ",") + std::string(field);
      }
      for (std::size_t measure : measures_) {
        const std::string& id = snapshot_->measures().measures()[measure].id;
        for (std::string_view column : kMeasureColumns)
          header += "," + id + (column == "value" ? "" : "_" + std::string(column));
      }
      return header + "\r\n";
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
    if (format_ == "csv") return append_csv_row(out, *snapshot_, index, measures_);
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

HttpResponse export_hospitals(const RequestContext& context) {
  QueryReader query(context.request.query);
  const HospitalFilter filter = read_hospital_filter(query, *context.snapshot);
  const HospitalSort sort = read_hospital_sort(query, filter);
  const std::string format = query.choice(kFormat).value_or("csv");
  auto measures = read_measure_list(query, context.snapshot->measures()).value_or(std::vector<std::size_t>{});
  query.finish();
  auto matches = find_hospitals(*context.snapshot, filter, sort);
  HttpResponse response;
  response.content_type = format == "csv"       ? "text/csv; charset=utf-8"
                          : format == "geojson" ? "application/geo+json"
                                                : "application/json";
  response.set_header("X-Row-Count", std::to_string(matches.size()));
  response.set_header("Content-Disposition", "attachment; filename=\"hospitals." + format + "\"");
  auto stream = std::make_shared<ExportStream>(context.snapshot, std::move(matches), format, std::move(measures));
  response.stream = [stream](std::string& out) { return stream->next(out); };
  return response;
}

}  // namespace

void add_export_routes(Router& router) {
  router.add({"GET", "/api/v1/export/hospitals", Scope::export_data, export_hospitals,
              operation("export",
                        "Every matching hospital, streamed (chunked), never capped; measures=ID,... adds each "
                        "measure's value, missing_reason and footnote (CSV columns ID, ID_missing_reason, "
                        "ID_footnote; a measures object in JSON and GeoJSON)",
                        describe({hospital_filter_parameters(),
                                  {&hospital_sort_parameter(), 1},
                                  {&kFormat, 1},
                                  {&measure_list_parameter(), 1}}),
                        Json{{"type", "string"}}, {400})});
}

}  // namespace hci::server
