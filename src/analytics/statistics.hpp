#pragma once
// Descriptive and inferential statistics on columns of doubles where NaN marks a missing value.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/metric_table.hpp"

namespace hci::analytics {

/// A correlation coefficient with its evidence: pairwise-complete n, two-sided p-value (t distribution
/// with n - 2 degrees of freedom, as SciPy's pearsonr and spearmanr) and the 95% Fisher-z interval.
struct Correlation {
  double r = 0;
  std::size_t n = 0;
  double p_value = 1;
  double ci_low = -1;
  double ci_high = 1;
};

/// Which coefficient to compute.
enum class CorrelationMethod { pearson, spearman };

/// The name of a method ("pearson", "spearman").
const char* correlation_method_name(CorrelationMethod method);

/// Pearson or Spearman correlation over the rows where both values are present; nullopt when fewer
/// than 4 such rows remain or either column is constant on them.
std::optional<Correlation> correlate(std::span<const double> x, std::span<const double> y, CorrelationMethod method);

/// Ranks 1..n with ties given their average rank (as scipy.stats.rankdata); missing values stay missing.
std::vector<double> average_ranks(std::span<const double> values);

/// Benjamini-Hochberg adjusted p-values (step-up, monotone, capped at 1), in the input order.
std::vector<double> benjamini_hochberg(std::span<const double> p_values);

/// The result of a test: its statistic (t or z), degrees of freedom (infinite for z) and two-sided p-value.
struct TestResult {
  double t = 0;
  double df = 0;
  double p_value = 1;
};

/// Welch's unequal-variance t-test of mean(a) - mean(b) (Welch-Satterthwaite df); nullopt when a sample has fewer than
/// 2 values or no variance.
std::optional<TestResult> welch_t_test(std::span<const double> a, std::span<const double> b);

/// A one-sample t-test of mean(values) against 0 (use on paired differences): t, df, two-sided p.
std::optional<TestResult> one_sample_t_test(std::span<const double> values);

/// The two-sided p-value of a t statistic with `df` degrees of freedom.
double two_sided_t_p(double t, double df);

/// The `probability` quantile of Student's t with `df` degrees of freedom (0.975 for a 95% interval).
double students_t_quantile(double probability, double df);

/// The two-sided p-value of a standard normal z statistic.
double two_sided_normal_p(double z);

/// A two-proportion z-test of x1/n1 against x2/n2 (pooled): z and two-sided p; nullopt when degenerate.
std::optional<TestResult> two_proportion_z_test(double x1, double n1, double x2, double n2);

/// The least-squares line y = intercept + slope * x over the complete pairs.
struct LineFit {
  double slope = 0;
  double intercept = 0;
};

/// Fits a line through the rows where both values are present; nullopt with fewer than 2 or constant x.
std::optional<LineFit> fit_line(std::span<const double> x, std::span<const double> y);

/// The present values of a column.
std::vector<double> present_values(std::span<const double> values);

/// Arithmetic mean of the present values; nullopt when none.
std::optional<double> mean(std::span<const double> values);

/// Sample standard deviation (n - 1) of the present values; nullopt when fewer than 2.
std::optional<double> sample_stddev(std::span<const double> values);

/// The q-quantile (0..1) of the present values with linear interpolation (numpy's default); nullopt when none.
std::optional<double> quantile(std::span<const double> values, double q);

/// The median of the present values.
inline std::optional<double> median(std::span<const double> values) { return quantile(values, 0.5); }

}  // namespace hci::analytics
