#include "ml/models/rating_model.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "ml/cross_validation.hpp"
#include "ml/metrics.hpp"
#include "ml/xgboost_model.hpp"

namespace hci::ml {

namespace {

constexpr int kFolds = 5;

// Context metrics joined onto each hospital: name in the table -> input name.
const std::vector<std::pair<std::string, std::string>> kStateContext = {
    {"uninsured_share", "state_uninsured_share"},
    {"median_household_income_real", "state_median_household_income"},
    {"hospitals_per_100k", "state_hospitals_per_100k"},
    {"medicare_spending_per_enrollee", "state_medicare_spending_per_enrollee"},
    {"chr_life_expectancy", "state_life_expectancy"}};
const std::vector<std::pair<std::string, std::string>> kCountyContext = {
    {"median_household_income", "county_median_household_income"},
    {"uninsured", "county_uninsured"},
    {"children_in_poverty", "county_children_in_poverty"},
    {"pct_rural", "county_pct_rural"},
    {"primary_care_physicians_rate", "county_primary_care_physicians_rate"},
    {"life_expectancy", "county_life_expectancy"},
    {"population", "county_population"},
    {"urban_rural_code", "county_urban_rural_code"}};

// The CMS measure-group counts, as request fields: group abbreviation in the CMS column names.
const std::vector<std::pair<std::string, MeasureGroup Hospital::*>> kComparedGroups = {
    {"mort", &Hospital::mortality}, {"safety", &Hospital::safety}, {"readm", &Hospital::readmission}};
const std::vector<std::pair<std::string, MeasureGroup Hospital::*>> kCountedGroups = {
    {"pt_exp", &Hospital::patient_experience}, {"te", &Hospital::timely_effective}};

std::map<std::string, std::map<std::string, double>> context_of(
    const MetricTable& table, const std::vector<std::pair<std::string, std::string>>& wanted) {
  std::map<std::string, std::map<std::string, double>> context;
  for (const auto& [metric_name, input] : wanted) {
    const Metric* metric = table.find(metric_name);
    if (!metric) continue;
    for (std::size_t row = 0; row < table.keys.size(); ++row) {
      if (is_present(metric->values[row])) context[table.keys[row]][input] = metric->values[row];
    }
  }
  return context;
}

// The measure values the model reads and the group each belongs to: the figures of CMS's own star-rating
// groups, one per condition, without their components (expected and predicted rates, z-scores).
struct MeasureInput {
  std::string_view id;
  std::string_view group;
};
constexpr MeasureInput kMeasureInputs[] = {
    {"READM-30-AMI-HRRP", "readmission"},
    {"READM-30-HF-HRRP", "readmission"},
    {"READM-30-PN-HRRP", "readmission"},
    {"READM-30-COPD-HRRP", "readmission"},
    {"READM-30-CABG-HRRP", "readmission"},
    {"READM-30-HIP-KNEE-HRRP", "readmission"},
    {"MORT-30-AMI", "mortality"},
    {"MORT-30-HF", "mortality"},
    {"MORT-30-PN", "mortality"},
    {"MORT-30-COPD", "mortality"},
    {"MORT-30-CABG", "mortality"},
    {"COMP-HIP-KNEE", "safety"},
    {"HAC-PSI-90", "safety"},
    {"HAC-CLABSI-SIR", "safety"},
    {"HAC-CAUTI-SIR", "safety"},
    {"HAC-SSI-SIR", "safety"},
    {"HAC-CDI-SIR", "safety"},
    {"HAC-MRSA-SIR", "safety"},
    {"H_COMP_1_STAR_RATING", "patient_experience"},
    {"H_COMP_2_STAR_RATING", "patient_experience"},
    {"H_COMP_3_STAR_RATING", "patient_experience"},
    {"H_COMP_5_STAR_RATING", "patient_experience"},
    {"H_COMP_6_STAR_RATING", "patient_experience"},
    {"H_COMP_7_STAR_RATING", "patient_experience"},
    {"H_CLEAN_STAR_RATING", "patient_experience"},
    {"H_QUIET_STAR_RATING", "patient_experience"},
    {"H_HSP_RATING_STAR_RATING", "patient_experience"},
    {"H_RECMND_STAR_RATING", "patient_experience"},
    {"H_STAR_RATING", "patient_experience"},
    {"MSPB-1", "spending"},
};

double count_or_missing(const std::optional<int>& value) { return value ? *value : std::nan(""); }

std::vector<std::string> context_inputs() {
  std::vector<std::string> names;
  for (const auto& [metric, input] : kStateContext) names.push_back(input);
  for (const auto& [metric, input] : kCountyContext) names.push_back(input);
  return names;
}

FeatureEncoder rating_encoder(RatingFeatures features) {
  std::vector<std::string> numeric = rating_boolean_inputs();
  const auto& counts = rating_number_inputs();
  numeric.insert(numeric.end(), counts.begin(), counts.end());
  const auto context = context_inputs();
  numeric.insert(numeric.end(), context.begin(), context.end());
  if (features == RatingFeatures::with_measures) {
    numeric.insert(numeric.end(), rating_measure_inputs().begin(), rating_measure_inputs().end());
  }
  return FeatureEncoder(numeric, {"hospital_type", "hospital_ownership", "state"}, MissingPolicy::learn_default);
}

struct Candidate {
  std::string algorithm;
  XgbParameters parameters;
  RegressionScores scores;
  double seconds = 0;
};

Candidate cross_validate(std::string algorithm, XgbParameters parameters, const RatingTrainingSet& set) {
  const auto started = std::chrono::steady_clock::now();
  const auto predictions = out_of_fold_predictions(set.folds, kFolds, [&](const auto& train, const auto& test) {
    std::vector<double> y;
    for (std::size_t row : train) y.push_back(set.y[row]);
    return XgbModel::train(set.x.select(train), y, parameters).predict(set.x.select(test));
  });
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  return Candidate{std::move(algorithm), std::move(parameters), score_regression(set.y, predictions), took.count()};
}

nlohmann::ordered_json candidate_json(const Candidate& c) {
  auto json = scores_json(c.scores);
  json["algorithm"] = c.algorithm;
  json["cv_seconds"] = c.seconds;
  return json;
}

// The share of the model's total gain per input group, largest first.
nlohmann::ordered_json importance_by_group(const std::vector<std::pair<std::string, double>>& importance) {
  std::map<std::string, double> gain;
  double total = 0;
  for (const auto& [feature, value] : importance) {
    gain[rating_input_group(feature)] += value;
    total += value;
  }
  std::vector<std::pair<std::string, double>> ordered(gain.begin(), gain.end());
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const auto& [group, value] : ordered) {
    groups.push_back({{"group", group}, {"gain_share", total > 0 ? value / total : 0}});
  }
  return groups;
}

// The values of rating_measure_inputs() per hospital: CCN -> measure id -> value.
std::map<std::string, std::map<std::string, double>> measure_values_by_hospital(
    const std::vector<MeasureValue>& measures) {
  std::map<std::string, std::map<std::string, double>> values;
  const auto& wanted = rating_measure_inputs();
  for (const auto& m : measures) {
    if (m.value && std::find(wanted.begin(), wanted.end(), m.measure_id) != wanted.end()) {
      values[m.facility_id][m.measure_id] = *m.value;
    }
  }
  return values;
}

}  // namespace

RatingContext::RatingContext(const MetricTable& states, const MetricTable& counties)
    : states_(context_of(states, kStateContext)), counties_(context_of(counties, kCountyContext)) {}

RatingContext::RatingContext(const nlohmann::ordered_json& document) {
  try {
    states_ = document.at("states").get<decltype(states_)>();
    counties_ = document.at("counties").get<decltype(counties_)>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("malformed rating context: ") + e.what());
  }
}

void RatingContext::add_to(RawRow& row, const std::string& state, const std::optional<std::string>& county_fips) const {
  if (auto it = states_.find(state); it != states_.end()) row.numbers.insert(it->second.begin(), it->second.end());
  if (!county_fips) return;
  if (auto it = counties_.find(*county_fips); it != counties_.end()) {
    row.numbers.insert(it->second.begin(), it->second.end());
  }
}

nlohmann::json RatingContext::to_json() const { return {{"states", states_}, {"counties", counties_}}; }

const std::vector<std::string>& rating_text_inputs() {
  static const std::vector<std::string> names{"hospital_type", "hospital_ownership", "state", "county_fips"};
  return names;
}

const std::vector<std::string>& rating_boolean_inputs() {
  static const std::vector<std::string> names{"emergency_services", "birthing_friendly"};
  return names;
}

const std::vector<std::string>& rating_number_inputs() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list{"beds"};
    for (const auto& [group, member] : kComparedGroups) {
      list.push_back("count_of_facility_" + group + "_measures");
      for (const char* outcome : {"better", "no_different", "worse"}) {
        list.push_back(fmt::format("count_of_{}_measures_{}", group, outcome));
      }
    }
    for (const auto& [group, member] : kCountedGroups) list.push_back("count_of_facility_" + group + "_measures");
    return list;
  }();
  return names;
}

const std::vector<std::string>& rating_measure_inputs() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& input : kMeasureInputs) list.emplace_back(input.id);
    return list;
  }();
  return names;
}

std::string rating_input_group(std::string_view column) {
  for (const auto& input : kMeasureInputs) {
    if (input.id == column) return std::string(input.group);
  }
  if (column.starts_with("count_of_")) return "measure_group_counts";
  if (column.starts_with("state") || column.starts_with("county_")) return "area_context";
  return "hospital";
}

void add_measure_inputs(RawRow& row, const std::function<std::optional<double>(const std::string&)>& value_of) {
  for (const auto& id : rating_measure_inputs()) {
    if (const auto value = value_of(id)) row.numbers[id] = *value;
  }
}

RawRow rating_inputs_of(const Hospital& h) {
  RawRow row;
  row.categories = {{"hospital_type", h.type}, {"hospital_ownership", h.ownership}, {"state", h.state}};
  row.numbers["emergency_services"] = h.emergency_services ? 1 : 0;
  row.numbers["birthing_friendly"] = h.birthing_friendly ? 1 : 0;
  row.numbers["beds"] = count_or_missing(h.beds);
  for (const auto& [group, member] : kComparedGroups) {
    const MeasureGroup& g = h.*member;
    row.numbers["count_of_facility_" + group + "_measures"] = count_or_missing(g.facility_measures);
    row.numbers["count_of_" + group + "_measures_better"] = count_or_missing(g.better);
    row.numbers["count_of_" + group + "_measures_no_different"] = count_or_missing(g.no_different);
    row.numbers["count_of_" + group + "_measures_worse"] = count_or_missing(g.worse);
  }
  for (const auto& [group, member] : kCountedGroups) {
    row.numbers["count_of_facility_" + group + "_measures"] = count_or_missing((h.*member).facility_measures);
  }
  return row;
}

RatingTrainingSet rating_training_set(const std::vector<Hospital>& hospitals, const std::vector<MeasureValue>& measures,
                                      const MetricTable& states, const MetricTable& counties, std::uint64_t seed,
                                      RatingFeatures features) {
  const RatingContext context(states, counties);
  const auto values = features == RatingFeatures::with_measures
                          ? measure_values_by_hospital(measures)
                          : std::map<std::string, std::map<std::string, double>>{};
  std::vector<RawRow> rows;
  RatingTrainingSet set;
  for (const auto& h : hospitals) {
    if (!h.rating) continue;
    RawRow row = rating_inputs_of(h);
    context.add_to(row, h.state, h.county_fips);
    if (const auto own = values.find(h.id); own != values.end())
      row.numbers.insert(own->second.begin(), own->second.end());
    rows.push_back(std::move(row));
    set.ids.push_back(h.id);
    set.y.push_back(*h.rating);
  }
  set.encoder = rating_encoder(features);
  set.encoder.fit(rows);
  set.x = set.encoder.encode(rows);
  set.folds = kfold_assignments(rows.size(), kFolds, seed);
  return set;
}

TrainedModel train_rating_model(const std::vector<Hospital>& hospitals, const std::vector<MeasureValue>& measures,
                                const MetricTable& states, const MetricTable& counties, std::uint64_t seed) {
  const RatingTrainingSet set =
      rating_training_set(hospitals, measures, states, counties, seed, RatingFeatures::with_measures);
  if (set.y.size() < 100) throw Error(ErrorCode::invalid_input, "too few rated hospitals to train the rating model");
  std::vector<Candidate> candidates{
      cross_validate("xgboost random forest (200 trees)", random_forest_parameters(seed), set),
      cross_validate("xgboost gradient boosting", gradient_boosting_parameters(seed), set)};
  const Candidate& best = candidates[0].scores.r2 >= candidates[1].scores.r2 ? candidates[0] : candidates[1];
  // The same algorithm on the same folds without the measure values: the model as it was before them.
  const Candidate before = cross_validate(
      best.algorithm, best.parameters,
      rating_training_set(hospitals, measures, states, counties, seed, RatingFeatures::without_measures));
  const auto started = std::chrono::steady_clock::now();
  const XgbModel model = XgbModel::train(set.x, set.y, best.parameters);
  const std::chrono::duration<double> fit_seconds = std::chrono::steady_clock::now() - started;

  nlohmann::ordered_json importance = nlohmann::ordered_json::array();
  for (const auto& [feature, gain] : model.importance_by_gain())
    importance.push_back({{"feature", feature}, {"gain", gain}});
  nlohmann::ordered_json metrics = scores_json(best.scores);
  metrics["folds"] = kFolds;
  metrics["candidates"] = {candidate_json(candidates[0]), candidate_json(candidates[1])};
  auto without = candidate_json(before);
  without["features"] = "hospital, measure-group counts and area context (the model before measure values)";
  auto with = candidate_json(best);
  with["features"] = "the same plus " + std::to_string(rating_measure_inputs().size()) + " measure values";
  metrics["feature_sets"] = {without, with};
  metrics["importance_by_group"] = importance_by_group(model.importance_by_gain());
  metrics["fit_seconds"] = fit_seconds.count();

  TrainedModel trained;
  trained.record.name = "rating";
  trained.record.algorithm = best.algorithm;
  trained.record.features_json = set.encoder.to_json().dump();
  trained.record.parameters_json = nlohmann::json({{"xgboost", best.parameters.values},
                                                   {"rounds", best.parameters.rounds},
                                                   {"seed", seed},
                                                   {"target", "CMS overall star rating (1-5), rated hospitals"}})
                                       .dump();
  trained.record.metrics_json = metrics.dump();
  trained.record.details_json = nlohmann::json({{"importance_by_gain", importance},
                                                {"context", RatingContext(states, counties).to_json()},
                                                {"training_rows", set.y.size()}})
                                    .dump();
  trained.record.artifact = model.to_json();
  stamp_version(trained.record);
  trained.headline = {{"algorithm", best.algorithm},
                      {"cv_r2", fmt::format("{:.3f}", best.scores.r2)},
                      {"cv_mae", fmt::format("{:.3f}", best.scores.mae)},
                      {"rounded_hit", fmt::format("{:.1f}%", best.scores.rounded_accuracy * 100)},
                      {"rows", std::to_string(set.y.size())}};
  return trained;
}

}  // namespace hci::ml
