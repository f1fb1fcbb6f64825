#pragma once
// State clustering: standardized state profiles grouped by k-means++, with silhouette-based k selection
// and a short label per cluster derived from its profile.

#include <cstdint>

#include <Eigen/Dense>

#include "core/metric_table.hpp"
#include "ml/trained_model.hpp"

namespace hci::ml {

/// The state-table metrics that make up a profile: supply, quality, coverage, income, poverty, outcome, cost.
const std::vector<std::string>& cluster_features();

/// The standardized profiles clustering reads: states with every feature, z-scores (population SD).
struct ClusterProfiles {
  std::vector<std::string> states;
  Eigen::MatrixXd raw;
  Eigen::MatrixXd z;
  Eigen::RowVectorXd mean;
  Eigen::RowVectorXd sd;
};
ClusterProfiles cluster_profiles(const MetricTable& states);

/// Standardizes the profiles of the states that have every feature, scores k = 2..8 by silhouette (10
/// restarts each), keeps k clusters (4 by default, as the seed) and describes each one.
TrainedModel train_cluster_model(const MetricTable& states, int k, std::uint64_t seed);

}  // namespace hci::ml
