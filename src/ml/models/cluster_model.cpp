#include "ml/models/cluster_model.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "ml/kmeans.hpp"

namespace hci::ml {

namespace {

constexpr int kRestarts = 10;
constexpr double kNotableZ = 0.5;  // a cluster mean this many SDs from the national one is worth naming

// What clustering reads, with the words its labels use for each feature.
struct ClusterFeature {
  const char* name;
  const char* words;
};
constexpr ClusterFeature kClusterFeatures[] = {{"hospitals_per_100k", "hospital supply"},
                                               {"mean_rating", "star ratings"},
                                               {"uninsured_share", "uninsured share"},
                                               {"median_household_income_real", "income"},
                                               {"chr_children_in_poverty", "child poverty"},
                                               {"chr_life_expectancy", "life expectancy"},
                                               {"medicare_spending_per_enrollee", "Medicare cost"},
                                               {"infant_mortality_rate", "infant mortality"},
                                               {"medicaid_chip_enrollment_per_100", "Medicaid enrollment"}};

}  // namespace

ClusterProfiles cluster_profiles(const MetricTable& table) {
  ClusterProfiles p;
  std::vector<std::vector<double>> rows;
  for (std::size_t r = 0; r < table.keys.size(); ++r) {
    std::vector<double> values;
    for (const auto& name : cluster_features()) {
      const Metric* metric = table.find(name);
      if (metric && is_present(metric->values[r])) values.push_back(metric->values[r]);
    }
    if (values.size() != cluster_features().size()) continue;
    p.states.push_back(table.keys[r]);
    rows.push_back(std::move(values));
  }
  const auto n = static_cast<Eigen::Index>(rows.size()), m = static_cast<Eigen::Index>(cluster_features().size());
  if (n < 10) throw Error(ErrorCode::invalid_input, "too few states with a complete profile to cluster");
  p.raw.resize(n, m);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < m; ++j) p.raw(i, j) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  }
  p.mean = p.raw.colwise().mean();
  p.sd = ((p.raw.rowwise() - p.mean).array().square().colwise().sum() / static_cast<double>(n)).sqrt();
  p.z = (p.raw.rowwise() - p.mean).array().rowwise() / p.sd.array();
  return p;
}

namespace {

// "higher income, lower uninsured share": the two features furthest from average, if far enough.
std::string label_of(const Eigen::RowVectorXd& centre) {
  std::vector<std::pair<double, std::size_t>> order;
  for (Eigen::Index j = 0; j < centre.size(); ++j)
    order.emplace_back(std::fabs(centre(j)), static_cast<std::size_t>(j));
  std::sort(order.rbegin(), order.rend());
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < 2 && i < order.size() && order[i].first >= kNotableZ; ++i) {
    const auto j = static_cast<Eigen::Index>(order[i].second);
    parts.push_back(std::string(centre(j) > 0 ? "higher " : "lower ") + kClusterFeatures[order[i].second].words);
  }
  if (parts.empty()) return "near the national average";
  return parts.size() == 1 ? parts[0] : parts[0] + ", " + parts[1];
}

nlohmann::ordered_json row_json(const Eigen::RowVectorXd& row) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (Eigen::Index j = 0; j < row.size(); ++j) object[cluster_features()[static_cast<std::size_t>(j)]] = row(j);
  return object;
}

nlohmann::ordered_json profiles_json(const ClusterProfiles& p, const KMeansResult& result) {
  nlohmann::ordered_json clusters = nlohmann::ordered_json::array();
  for (Eigen::Index c = 0; c < result.centres.rows(); ++c) {
    std::vector<std::string> members;
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(p.raw.cols());
    for (std::size_t i = 0; i < p.states.size(); ++i) {
      if (result.labels[i] != c) continue;
      members.push_back(p.states[i]);
      sum += p.raw.row(static_cast<Eigen::Index>(i));
    }
    clusters.push_back({{"cluster", c},
                        {"label", label_of(result.centres.row(c))},
                        {"size", members.size()},
                        {"states", members},
                        {"mean", row_json(sum / std::max<double>(1.0, static_cast<double>(members.size())))},
                        {"z", row_json(result.centres.row(c))}});
  }
  return clusters;
}

}  // namespace

const std::vector<std::string>& cluster_features() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& feature : kClusterFeatures) out.emplace_back(feature.name);
    return out;
  }();
  return names;
}

TrainedModel train_cluster_model(const MetricTable& states, int k, std::uint64_t seed) {
  const ClusterProfiles profiles = cluster_profiles(states);
  nlohmann::ordered_json selection = nlohmann::ordered_json::array();
  for (int candidate = 2; candidate <= 8; ++candidate) {
    const auto result = kmeans(profiles.z, candidate, kRestarts, seed);
    selection.push_back(
        {{"k", candidate}, {"silhouette", silhouette_score(profiles.z, result.labels)}, {"inertia", result.inertia}});
  }
  const auto result = kmeans(profiles.z, k, kRestarts, seed);
  const double silhouette = silhouette_score(profiles.z, result.labels);
  nlohmann::ordered_json assignments = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < profiles.states.size(); ++i) assignments[profiles.states[i]] = result.labels[i];

  nlohmann::ordered_json centres = nlohmann::ordered_json::array();
  for (Eigen::Index c = 0; c < result.centres.rows(); ++c) centres.push_back(row_json(result.centres.row(c)));
  TrainedModel trained;
  trained.record.name = "clusters";
  trained.record.algorithm = "k-means++ (standardized profiles)";
  trained.record.features_json = nlohmann::ordered_json({{"numeric", cluster_features()},
                                                         {"scaling", "z-score (population SD)"},
                                                         {"missing_values", "states lacking any feature are left out"}})
                                     .dump();
  trained.record.parameters_json = nlohmann::json({{"k", k}, {"restarts", kRestarts}, {"seed", seed}}).dump();
  trained.record.metrics_json = nlohmann::ordered_json({{"silhouette", silhouette},
                                                        {"inertia", result.inertia},
                                                        {"states", profiles.states.size()},
                                                        {"k_selection", selection}})
                                    .dump();
  trained.record.details_json =
      nlohmann::ordered_json({{"assignments", assignments}, {"clusters", profiles_json(profiles, result)}}).dump();
  trained.record.artifact =
      nlohmann::ordered_json({{"centres_z", centres}, {"mean", row_json(profiles.mean)}, {"sd", row_json(profiles.sd)}})
          .dump();
  stamp_version(trained.record);
  trained.headline = {{"algorithm", trained.record.algorithm},
                      {"k", std::to_string(k)},
                      {"silhouette", fmt::format("{:.3f}", silhouette)},
                      {"rows", std::to_string(profiles.states.size())}};
  return trained;
}

}  // namespace hci::ml
