#include "server/snapshot.hpp"

#include <algorithm>
#include <future>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/source_catalog.hpp"
#include "core/text.hpp"
#include "server/dashboard_summary.hpp"
#include "server/hospital_json.hpp"

namespace hci::server {

namespace {

// The record types the server answers from; the rest of the dataset stays in the store.
const RecordSelection kServedRecords = RecordSelection::only<Hospital, ZipCentroid, StateIndicator, CmsFootnote,
                                                             HospitalMeasure, MeasureValue, MedicaidEnrollment>();

// Keeps the served records: hospitals and indicators as they are, measures straight into a MeasureView. The
// store streams hospitals first (DatasetRecords order), so they are ordered by id before the first measure
// record needs their positions.
class SnapshotCollector : public DatasetSink {
 public:
  explicit SnapshotCollector(std::size_t expected_values) : expected_values_(expected_values) {}

  void receive(RecordRef record) override {
    if (const auto* hospital = std::get_if<const Hospital*>(&record)) {
      hospitals.push_back(**hospital);
    } else if (const auto* indicator = std::get_if<const StateIndicator*>(&record)) {
      indicators.push_back(**indicator);
    } else if (const auto* report = std::get_if<const MedicaidEnrollment*>(&record)) {
      medicaid.push_back(**report);
    } else if (const auto* zip = std::get_if<const ZipCentroid*>(&record)) {
      zips.emplace((*zip)->zip, GeoPoint{(*zip)->latitude, (*zip)->longitude});
    } else {
      std::visit(
          [&]<typename Record>(const Record* other) {
            if constexpr (requires { measures().add(*other); }) measures().add(*other);
          },
          record);
    }
  }

  std::vector<Hospital> hospitals;
  std::vector<StateIndicator> indicators;
  std::vector<MedicaidEnrollment> medicaid;
  std::unordered_map<std::string, GeoPoint> zips;

  // The measures received (none yet, the first time, which orders the hospitals); finish() it once, after
  // the read.
  MeasureView::Builder& measures() {
    if (!measures_) {
      std::sort(hospitals.begin(), hospitals.end(), [](const Hospital& a, const Hospital& b) { return a.id < b.id; });
      measures_.emplace(hospitals, expected_values_);
    }
    return *measures_;
  }

 private:
  std::size_t expected_values_;
  std::optional<MeasureView::Builder> measures_;
};

nlohmann::ordered_json source_json(const DatasetInfo& dataset) {
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  for (const auto& file : dataset.sources) {
    auto provenance = find_source_provenance(file.name);
    sources.push_back({{"name", file.name},
                       {"agency", provenance ? provenance->agency : ""},
                       {"dataset", provenance ? provenance->dataset : ""},
                       {"release", provenance ? provenance->release : ""},
                       {"sha256", file.sha256}});
  }
  return {{"dataset_version", dataset.version}, {"retrieved_at", dataset.created_at}, {"sources", sources}};
}

// How many measure values `dataset` holds: from its ingest summary, or counted in the store for a version
// ingested before the summary carried the count (counting scans the whole table).
std::size_t measure_value_count(store::Store& store, const DatasetInfo& dataset) {
  const auto summary = nlohmann::json::parse(dataset.summary_json, nullptr, false);
  const auto count = summary.is_object() ? summary.find("measure_values") : summary.end();
  if (count != summary.end() && count->is_number_unsigned()) return count->get<std::size_t>();
  return static_cast<std::size_t>(store.count_records(dataset.version, RecordSelection::only<MeasureValue>()));
}

}  // namespace

std::shared_ptr<const Snapshot> Snapshot::load(store::Store& store) {
  const auto started = std::chrono::steady_clock::now();
  auto current = store.find_dataset("");
  if (!current) throw Error(ErrorCode::unavailable, store.describe() + " has no dataset loaded: run 'hci ingest'");
  // The store is read on this thread only. The two cores share the rest: the models are parsed while the
  // dataset is read; then the measures are indexed and the analysis parsed while the hospitals are indexed.
  auto models = std::async(std::launch::async, [records = store.current_models(current->version)]() mutable {
    return ModelView::load(std::move(records));
  });
  const auto analysis = store.load_analysis(current->version);
  SnapshotCollector collector(measure_value_count(store, *current));
  store.read_dataset(current->version, collector, kServedRecords);

  std::shared_ptr<Snapshot> snapshot(new Snapshot());
  snapshot->dataset_ = std::move(*current);
  MeasureView::Builder& measure_builder = collector.measures();  // orders the hospitals by id
  snapshot->hospitals_ = std::move(collector.hospitals);
  auto second_core = std::async(std::launch::async, [&] {
    models.wait();  // one task at a time on the second core
    auto measures = measure_builder.finish();
    return std::pair(std::move(measures), AnalysisView::parse(analysis, snapshot->hospitals_));
  });
  snapshot->zips_ = std::move(collector.zips);
  snapshot->build_indexes(collector.indicators, collector.medicaid);
  std::tie(snapshot->measures_, snapshot->analysis_) = second_core.get();
  snapshot->models_ = models.get();
  snapshot->render_state_details();
  snapshot->source_ = source_json(snapshot->dataset_);
  snapshot->source_text_ = snapshot->source_.dump();
  snapshot->load_time_ = std::chrono::steady_clock::now() - started;
  return snapshot;
}

void Snapshot::build_indexes(std::span<const StateIndicator> indicators, std::span<const MedicaidEnrollment> medicaid) {
  hospital_json_.reserve(hospitals_.size());
  for (std::uint32_t i = 0; i < hospitals_.size(); ++i) {
    hospital_json_.push_back(hospital_to_json(hospitals_[i]).dump());
    by_id_.emplace(hospitals_[i].id, i);
    by_state_[hospitals_[i].state].push_back(i);
  }
  states_ = build_state_profiles(hospitals_, indicators, medicaid);
  national_indicators_ = national_indicators_json(indicators);
  summary_text_ = build_dashboard_summary(hospitals_, states_).dump();
  spatial_index_ = std::make_unique<SpatialIndex>(hospitals_);
}

// Adds what `hci analyze` and `hci train` know about each state: its profile with ranks, and its cluster.
void Snapshot::render_state_details() {
  for (auto& state : states_) {
    const auto* profile = analysis_ ? analysis_->state_profile(state.code) : nullptr;
    const auto* cluster = models_ ? models_->state_cluster(state.code) : nullptr;
    if (!profile && !cluster) continue;
    auto detail = state_detail_json(state);
    if (profile) detail["profile"] = *profile;
    if (cluster) detail["cluster"] = *cluster;
    state.detail_text = detail.dump();
  }
}

const GeoPoint* Snapshot::find_zip(const std::string& zip) const {
  auto it = zips_.find(zip);
  return it == zips_.end() ? nullptr : &it->second;
}

std::optional<std::size_t> Snapshot::find_hospital(std::string_view id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::span<const std::uint32_t> Snapshot::hospitals_in_state(std::string_view code) const {
  auto it = by_state_.find(std::string(code));
  if (it == by_state_.end()) return {};
  return it->second;
}

const StateProfile* Snapshot::find_state(std::string_view code_or_name) const {
  const std::string wanted = to_upper_ascii(code_or_name);
  for (const auto& state : states_) {
    if (state.code == wanted || to_upper_ascii(state.name) == wanted) return &state;
  }
  return nullptr;
}

}  // namespace hci::server
