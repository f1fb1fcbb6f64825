#include "ml/kmeans.hpp"

#include <algorithm>
#include <limits>
#include <random>

#include "core/error.hpp"

namespace hci::ml {

namespace {

constexpr int kMaxIterations = 300;

double uniform01(std::mt19937_64& random) { return static_cast<double>(random() >> 11) * 0x1.0p-53; }

// k-means++: the first centre uniformly, each next one with probability proportional to the squared
// distance to the nearest centre chosen so far.
Eigen::MatrixXd plus_plus_seeds(const Eigen::MatrixXd& x, int k, std::mt19937_64& random) {
  Eigen::MatrixXd centres(k, x.cols());
  centres.row(0) = x.row(static_cast<Eigen::Index>(random() % static_cast<std::uint64_t>(x.rows())));
  Eigen::VectorXd nearest = (x.rowwise() - centres.row(0)).rowwise().squaredNorm();
  for (int c = 1; c < k; ++c) {
    double target = uniform01(random) * nearest.sum();
    Eigen::Index chosen = x.rows() - 1;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      target -= nearest(i);
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
    centres.row(c) = x.row(chosen);
    nearest = nearest.cwiseMin((x.rowwise() - centres.row(c)).rowwise().squaredNorm());
  }
  return centres;
}

KMeansResult lloyd(const Eigen::MatrixXd& x, Eigen::MatrixXd centres) {
  const int k = static_cast<int>(centres.rows());
  KMeansResult result;
  result.labels.assign(static_cast<std::size_t>(x.rows()), -1);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    bool changed = false;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const int label = nearest_centre(centres, x.row(i));
      changed |= result.labels[static_cast<std::size_t>(i)] != label;
      result.labels[static_cast<std::size_t>(i)] = label;
    }
    if (!changed) break;
    for (int c = 0; c < k; ++c) {
      Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(x.cols());
      int members = 0;
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        if (result.labels[static_cast<std::size_t>(i)] == c) {
          sum += x.row(i);
          ++members;
        }
      }
      if (members > 0) centres.row(c) = sum / members;  // an emptied cluster keeps its centre
    }
  }
  result.centres = centres;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    result.inertia += (x.row(i) - centres.row(result.labels[static_cast<std::size_t>(i)])).squaredNorm();
  }
  return result;
}

}  // namespace

int nearest_centre(const Eigen::MatrixXd& centres, const Eigen::RowVectorXd& row) {
  Eigen::Index best = 0;
  (centres.rowwise() - row).rowwise().squaredNorm().minCoeff(&best);
  return static_cast<int>(best);
}

KMeansResult kmeans(const Eigen::MatrixXd& x, int k, int restarts, std::uint64_t seed) {
  if (k < 1 || k > x.rows()) {
    throw Error(ErrorCode::invalid_input,
                "k-means needs 1 <= k <= rows, got k = " + std::to_string(k) + " for " + std::to_string(x.rows()));
  }
  std::mt19937_64 random(seed);
  KMeansResult best;
  best.inertia = std::numeric_limits<double>::infinity();
  for (int run = 0; run < std::max(1, restarts); ++run) {
    auto result = lloyd(x, plus_plus_seeds(x, k, random));
    if (result.inertia < best.inertia) best = std::move(result);
  }
  return best;
}

double silhouette_score(const Eigen::MatrixXd& x, const std::vector<int>& labels) {
  const int k = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end()) + 1;
  if (k < 2) return 0;
  double total = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    std::vector<double> sums(static_cast<std::size_t>(k), 0.0);
    std::vector<int> counts(static_cast<std::size_t>(k), 0);
    for (Eigen::Index j = 0; j < x.rows(); ++j) {
      if (i == j) continue;
      sums[static_cast<std::size_t>(labels[static_cast<std::size_t>(j)])] += (x.row(i) - x.row(j)).norm();
      ++counts[static_cast<std::size_t>(labels[static_cast<std::size_t>(j)])];
    }
    const auto own = static_cast<std::size_t>(labels[static_cast<std::size_t>(i)]);
    if (counts[own] == 0) continue;  // a singleton scores 0, as scikit-learn does
    const double a = sums[own] / counts[own];
    double b = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < sums.size(); ++c) {
      if (c != own && counts[c] > 0) b = std::min(b, sums[c] / counts[c]);
    }
    total += (b - a) / std::max(a, b);
  }
  return total / static_cast<double>(x.rows());
}

}  // namespace hci::ml
