#include "pipeline/export_training_sets.hpp"

#include <cmath>
#include <fstream>

#include <fmt/format.h>

#include "analytics/area_tables.hpp"
#include "core/dataset_tables.hpp"
#include "core/error.hpp"
#include "ml/models/cluster_model.hpp"
#include "ml/models/cost_model.hpp"
#include "ml/models/rating_model.hpp"

namespace hci::pipeline {

namespace {

// A CSV file that refuses to be silently incomplete.
class CsvFile {
 public:
  explicit CsvFile(std::filesystem::path path) : path_(std::move(path)), out_(path_) {
    if (!out_) throw Error(ErrorCode::unavailable, "cannot write " + path_.string());
  }
  void row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out_ << (i ? "," : "") << quoted(fields[i]);
    out_ << '\n';
  }
  std::filesystem::path close() {
    out_.close();
    if (!out_) throw Error(ErrorCode::unavailable, "cannot finish " + path_.string());
    return path_;
  }

 private:
  static std::string quoted(const std::string& field) {
    if (field.find_first_of(",\"\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  }
  std::filesystem::path path_;
  std::ofstream out_;
};

std::string number(double value) { return std::isnan(value) ? "" : fmt::format("{:.17g}", value); }

std::filesystem::path write_rating(const DatasetTables& tables, const MetricTable& states, const MetricTable& counties,
                                   std::uint64_t seed, const std::filesystem::path& dir) {
  const auto set = ml::rating_training_set(tables.of<Hospital>(), tables.of<MeasureValue>(), states, counties, seed,
                                           ml::RatingFeatures::with_measures);
  CsvFile csv(dir / "rating_training_set.csv");
  std::vector<std::string> header{"id", "fold", "rating"};
  header.insert(header.end(), set.x.columns.begin(), set.x.columns.end());
  csv.row(header);
  for (std::size_t r = 0; r < set.x.rows; ++r) {
    std::vector<std::string> fields{set.ids[r], std::to_string(set.folds[r]), number(set.y[r])};
    for (std::size_t c = 0; c < set.x.columns.size(); ++c) fields.push_back(number(set.x.at(r, c)));
    csv.row(fields);
  }
  return csv.close();
}

std::filesystem::path write_cost(const DatasetTables& tables, const std::string& target,
                                 const std::filesystem::path& dir) {
  const auto rows = ml::cost_training_rows(tables.of<StateIndicator>(), target);
  CsvFile csv(dir / ("cost_" + target + ".csv"));
  std::vector<std::string> header{"state", "calendar_year", target};
  header.insert(header.end(), rows.columns.begin(), rows.columns.end());
  csv.row(header);
  for (Eigen::Index r = 0; r < rows.x.rows(); ++r) {
    std::vector<std::string> fields{rows.states[static_cast<std::size_t>(r)],
                                    std::to_string(rows.years[static_cast<std::size_t>(r)]), number(rows.y(r))};
    for (Eigen::Index c = 0; c < rows.x.cols(); ++c) fields.push_back(number(rows.x(r, c)));
    csv.row(fields);
  }
  return csv.close();
}

std::filesystem::path write_clusters(const MetricTable& states, const std::filesystem::path& dir) {
  const auto profiles = ml::cluster_profiles(states);
  CsvFile csv(dir / "cluster_profiles.csv");
  std::vector<std::string> header{"state"};
  header.insert(header.end(), ml::cluster_features().begin(), ml::cluster_features().end());
  csv.row(header);
  for (Eigen::Index r = 0; r < profiles.z.rows(); ++r) {
    std::vector<std::string> fields{profiles.states[static_cast<std::size_t>(r)]};
    for (Eigen::Index c = 0; c < profiles.z.cols(); ++c) fields.push_back(number(profiles.z(r, c)));
    csv.row(fields);
  }
  return csv.close();
}

}  // namespace

std::vector<std::filesystem::path> export_training_sets(store::Store& store, std::uint64_t seed,
                                                        const std::filesystem::path& dir) {
  const auto dataset = store.find_dataset("");
  if (!dataset) throw Error(ErrorCode::not_found, "no current dataset in " + store.describe() + ": run 'hci ingest'");
  DatasetTables tables;
  store.read_dataset(dataset->version, tables);
  const MetricTable states = analytics::build_state_table(tables);
  const MetricTable counties = analytics::build_county_table(tables);
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> written{write_rating(tables, states, counties, seed, dir)};
  for (const auto& target : ml::cost_targets()) written.push_back(write_cost(tables, target, dir));
  written.push_back(write_clusters(states, dir));
  return written;
}

}  // namespace hci::pipeline
