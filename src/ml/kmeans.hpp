#pragma once
// k-means++ with several restarts, and the silhouette score of a clustering.

#include <cstdint>
#include <vector>

#include <Eigen/Dense>

namespace hci::ml {

/// A clustering: each row's cluster (0..k-1), the centres (k x columns) and the within-cluster sum of squares.
struct KMeansResult {
  std::vector<int> labels;
  Eigen::MatrixXd centres;
  double inertia = 0;
};

/// Lloyd's algorithm from k-means++ seeds, `restarts` times with seeds drawn from `seed`; keeps the run
/// with the lowest inertia. Deterministic for the same inputs. Requires 1 <= k <= rows.
KMeansResult kmeans(const Eigen::MatrixXd& x, int k, int restarts, std::uint64_t seed);

/// The mean silhouette coefficient of a clustering (Euclidean), in [-1, 1]; 0 when k < 2.
double silhouette_score(const Eigen::MatrixXd& x, const std::vector<int>& labels);

/// The index of the centre nearest to `row`.
int nearest_centre(const Eigen::MatrixXd& centres, const Eigen::RowVectorXd& row);

}  // namespace hci::ml
