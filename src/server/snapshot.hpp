#pragma once
// The immutable in-memory view the server answers from: one dataset version with its indexes and
// pre-rendered JSON. Loaded once, shared read-only by every request thread, replaced whole on reload.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset.hpp"
#include "core/geography.hpp"
#include "core/hospital.hpp"
#include "core/indicators.hpp"
#include "core/spatial_index.hpp"
#include "server/analysis_view.hpp"
#include "server/measure_view.hpp"
#include "server/model_view.hpp"
#include "server/state_profile.hpp"
#include "store/store.hpp"

namespace hci::server {

/// One loaded dataset version. Thread-safe for reads; never modified after load().
class Snapshot {
 public:
  /// Loads the current dataset version of `store`; throws Error(unavailable) when none is loaded.
  static std::shared_ptr<const Snapshot> load(store::Store& store);

  /// The version served, with its sources and reports.
  const DatasetInfo& dataset() const { return dataset_; }
  /// Hospitals ordered by id.
  std::span<const Hospital> hospitals() const { return hospitals_; }
  /// The pre-rendered JSON object of hospitals()[index].
  const std::string& hospital_json(std::size_t index) const { return hospital_json_[index]; }
  /// The centroid of a 5-digit ZIP (Census ZCTA point, else the USPS-based list), or nullptr.
  const GeoPoint* find_zip(const std::string& zip) const;
  /// The index of the hospital with this CMS id, or nullopt.
  std::optional<std::size_t> find_hospital(std::string_view id) const;
  /// Indexes of the hospitals in a state (ordered by id); empty for an unknown code.
  std::span<const std::uint32_t> hospitals_in_state(std::string_view code) const;
  /// Every jurisdiction profile, ordered by code.
  std::span<const StateProfile> states() const { return states_; }
  /// The national rows of the state panel: {indicator: {unit, source, values}}.
  const nlohmann::ordered_json& national_indicators() const { return national_indicators_; }
  /// A profile by USPS code or full name, case-insensitive; nullptr when unknown.
  const StateProfile* find_state(std::string_view code_or_name) const;
  /// The dashboard summary, rendered.
  const std::string& summary_text() const { return summary_text_; }
  /// The grid for nearest-neighbour searches.
  const SpatialIndex& spatial_index() const { return *spatial_index_; }
  /// `meta.source` of every payload: agency, dataset and release per source, and when it was loaded.
  const nlohmann::ordered_json& source() const { return source_; }
  /// source() rendered once, for payloads built by concatenation.
  const std::string& source_text() const { return source_text_; }
  /// The hospital measures of this version (catalogue, values, footnotes).
  const MeasureView& measures() const { return *measures_; }
  /// The stored analysis of this version, or nullptr until `hci analyze` has run on it.
  const AnalysisView* analysis() const { return analysis_.get(); }
  /// The models registered for this version, or nullptr until `hci train` has run on it.
  const ModelView* models() const { return models_.get(); }
  /// How long load() took.
  std::chrono::duration<double> load_time() const { return load_time_; }

 private:
  Snapshot() = default;
  // Renders and indexes hospitals_ (ordered by id) and builds the state profiles from `indicators` and the
  // monthly Medicaid reports.
  void build_indexes(std::span<const StateIndicator> indicators, std::span<const MedicaidEnrollment> medicaid);
  void render_state_details();

  DatasetInfo dataset_;
  std::vector<Hospital> hospitals_;
  std::vector<std::string> hospital_json_;
  std::unordered_map<std::string_view, std::uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_state_;
  std::unordered_map<std::string, GeoPoint> zips_;
  std::vector<StateProfile> states_;
  nlohmann::ordered_json national_indicators_;
  std::string summary_text_;
  std::unique_ptr<SpatialIndex> spatial_index_;
  std::unique_ptr<const MeasureView> measures_;
  std::unique_ptr<const AnalysisView> analysis_;
  std::unique_ptr<const ModelView> models_;
  nlohmann::ordered_json source_;
  std::string source_text_;
  std::chrono::duration<double> load_time_{};
};

}  // namespace hci::server
