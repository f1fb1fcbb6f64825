#include "analytics/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace hci::analytics {

namespace {

constexpr std::size_t kMinimumPairs = 4;  // Fisher z needs n > 3

// The pairs where both values are present.
std::pair<std::vector<double>, std::vector<double>> complete_pairs(std::span<const double> x,
                                                                   std::span<const double> y) {
  std::pair<std::vector<double>, std::vector<double>> pairs;
  for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
    if (is_present(x[i]) && is_present(y[i])) {
      pairs.first.push_back(x[i]);
      pairs.second.push_back(y[i]);
    }
  }
  return pairs;
}

// Pearson's r of two complete columns; nullopt when either is constant.
std::optional<double> pearson_r(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mean_x = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double mean_y = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mean_x) * (x[i] - mean_x);
    syy += (y[i] - mean_y) * (y[i] - mean_y);
    sxy += (x[i] - mean_x) * (y[i] - mean_y);
  }
  if (sxx == 0 || syy == 0) return std::nullopt;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

Correlation with_evidence(double r, std::size_t n) {
  Correlation result;
  result.r = r;
  result.n = n;
  const double df = static_cast<double>(n) - 2;
  const double t = r * std::sqrt(df / std::max(1e-300, (1 - r) * (1 + r)));
  result.p_value = two_sided_t_p(t, df);
  const double z = std::atanh(std::clamp(r, -1 + 1e-15, 1 - 1e-15));
  const double half_width = 1.959963984540054 / std::sqrt(static_cast<double>(n) - 3);
  result.ci_low = std::tanh(z - half_width);
  result.ci_high = std::tanh(z + half_width);
  return result;
}

}  // namespace

const char* correlation_method_name(CorrelationMethod method) {
  return method == CorrelationMethod::pearson ? "pearson" : "spearman";
}

std::vector<double> average_ranks(std::span<const double> values) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (is_present(values[i])) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size(), kMissing);
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first;
    while (last + 1 < order.size() && values[order[last + 1]] == values[order[first]]) ++last;
    const double rank = (static_cast<double>(first + last) / 2) + 1;
    for (std::size_t k = first; k <= last; ++k) ranks[order[k]] = rank;
    first = last + 1;
  }
  return ranks;
}

std::optional<Correlation> correlate(std::span<const double> x, std::span<const double> y, CorrelationMethod method) {
  auto [cx, cy] = complete_pairs(x, y);
  if (cx.size() < kMinimumPairs) return std::nullopt;
  if (method == CorrelationMethod::spearman) {
    cx = average_ranks(cx);
    cy = average_ranks(cy);
  }
  auto r = pearson_r(cx, cy);
  if (!r) return std::nullopt;
  return with_evidence(*r, cx.size());
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
  const std::size_t m = p_values.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(m);
  double running_min = 1.0;
  for (std::size_t k = m; k-- > 0;) {
    const double scaled = p_values[order[k]] * static_cast<double>(m) / static_cast<double>(k + 1);
    running_min = std::min(running_min, scaled);
    adjusted[order[k]] = running_min;
  }
  return adjusted;
}

std::optional<LineFit> fit_line(std::span<const double> x, std::span<const double> y) {
  const auto [cx, cy] = complete_pairs(x, y);
  if (cx.size() < 2) return std::nullopt;
  const double mean_x = *mean(cx), mean_y = *mean(cy);
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < cx.size(); ++i) {
    sxx += (cx[i] - mean_x) * (cx[i] - mean_x);
    sxy += (cx[i] - mean_x) * (cy[i] - mean_y);
  }
  if (sxx == 0) return std::nullopt;
  const double slope = sxy / sxx;
  return LineFit{slope, mean_y - slope * mean_x};
}

std::vector<double> present_values(std::span<const double> values) {
  std::vector<double> present;
  std::copy_if(values.begin(), values.end(), std::back_inserter(present), is_present);
  return present;
}

std::optional<double> mean(std::span<const double> values) {
  const auto present = present_values(values);
  if (present.empty()) return std::nullopt;
  return std::accumulate(present.begin(), present.end(), 0.0) / static_cast<double>(present.size());
}

std::optional<double> sample_stddev(std::span<const double> values) {
  const auto present = present_values(values);
  if (present.size() < 2) return std::nullopt;
  const double m = *mean(present);
  double sum = 0;
  for (double v : present) sum += (v - m) * (v - m);
  return std::sqrt(sum / static_cast<double>(present.size() - 1));
}

std::optional<double> quantile(std::span<const double> values, double q) {
  auto present = present_values(values);
  if (present.empty()) return std::nullopt;
  std::sort(present.begin(), present.end());
  const double position = q * static_cast<double>(present.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, present.size() - 1);
  return present[below] + (present[above] - present[below]) * (position - static_cast<double>(below));
}

std::optional<TestResult> welch_t_test(std::span<const double> a, std::span<const double> b) {
  const auto xa = present_values(a), xb = present_values(b);
  if (xa.size() < 2 || xb.size() < 2) return std::nullopt;
  const double na = static_cast<double>(xa.size()), nb = static_cast<double>(xb.size());
  const double va = std::pow(*sample_stddev(xa), 2) / na, vb = std::pow(*sample_stddev(xb), 2) / nb;
  if (va + vb == 0) return std::nullopt;
  TestResult test;
  test.t = (*mean(xa) - *mean(xb)) / std::sqrt(va + vb);
  test.df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
  test.p_value = two_sided_t_p(test.t, test.df);
  return test;
}

std::optional<TestResult> one_sample_t_test(std::span<const double> values) {
  const auto present = present_values(values);
  if (present.size() < 2) return std::nullopt;
  const double sd = *sample_stddev(present);
  if (sd == 0) return std::nullopt;
  TestResult test;
  test.df = static_cast<double>(present.size() - 1);
  test.t = *mean(present) / (sd / std::sqrt(static_cast<double>(present.size())));
  test.p_value = two_sided_t_p(test.t, test.df);
  return test;
}

double two_sided_t_p(double t, double df) {
  if (!std::isfinite(t)) return 0.0;
  boost::math::students_t distribution(df);
  return std::min(1.0, 2 * boost::math::cdf(boost::math::complement(distribution, std::fabs(t))));
}

double students_t_quantile(double probability, double df) {
  return boost::math::quantile(boost::math::students_t(df), probability);
}

double two_sided_normal_p(double z) {
  if (!std::isfinite(z)) return 0.0;
  return std::min(1.0, 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z))));
}

std::optional<TestResult> two_proportion_z_test(double x1, double n1, double x2, double n2) {
  if (n1 <= 0 || n2 <= 0) return std::nullopt;
  const double pooled = (x1 + x2) / (n1 + n2);
  const double se = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se == 0) return std::nullopt;
  TestResult test;
  test.t = (x1 / n1 - x2 / n2) / se;
  test.df = std::numeric_limits<double>::infinity();
  test.p_value = two_sided_normal_p(test.t);
  return test;
}

}  // namespace hci::analytics
