#include "analytics/correlations.hpp"

namespace hci::analytics {

namespace {

const std::vector<std::string> kStateVariables = {"hospitals_per_100k",
                                                  "mean_rating",
                                                  "rated_4_or_5_share",
                                                  "emergency_services_share",
                                                  "critical_access_share",
                                                  "median_household_income_real",
                                                  "uninsured_share",
                                                  "coverage_medicaid_share",
                                                  "aca_marketplace_benchmark_premium",
                                                  "medicare_spending_per_enrollee",
                                                  "unemployment_rate",
                                                  "medicaid_chip_enrollment_per_100",
                                                  "infant_mortality_rate",
                                                  "age_adjusted_death_rate_all_causes",
                                                  "chr_life_expectancy",
                                                  "chr_premature_death_ypll_rate",
                                                  "chr_children_in_poverty",
                                                  "chr_adult_obesity",
                                                  "chr_adult_smoking",
                                                  "chr_physical_inactivity",
                                                  "chr_diabetes_prevalence",
                                                  "chr_primary_care_physicians_rate",
                                                  "chr_preventable_hospital_stays_rate",
                                                  "chr_some_college",
                                                  "chr_pct_rural",
                                                  "readm_30_hf_hrrp",
                                                  "mort_30_hf",
                                                  "hac_total_score",
                                                  "mspb_1",
                                                  "medicare_ip_payment_per_discharge"};

const std::vector<std::string> kCountyVariables = {"life_expectancy",
                                                   "premature_death_ypll_rate",
                                                   "median_household_income",
                                                   "children_in_poverty",
                                                   "income_inequality",
                                                   "uninsured",
                                                   "unemployment",
                                                   "some_college",
                                                   "adult_smoking",
                                                   "adult_obesity",
                                                   "physical_inactivity",
                                                   "excessive_drinking",
                                                   "food_insecurity",
                                                   "primary_care_physicians_rate",
                                                   "preventable_hospital_stays_rate",
                                                   "broadband_access",
                                                   "severe_housing_problems",
                                                   "air_pollution_pm25",
                                                   "pct_65_and_older",
                                                   "pct_rural",
                                                   "urban_rural_code",
                                                   "hospitals_per_100k",
                                                   "readm_30_hf_hrrp",
                                                   "mort_30_hf",
                                                   "medicare_ip_payment_per_discharge"};

nlohmann::ordered_json square(std::size_t size) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < size; ++i) rows.push_back(nlohmann::ordered_json(std::vector<std::nullptr_t>(size)));
  return rows;
}

}  // namespace

const CorrelationCell* CorrelationMatrix::find(std::string_view a, std::string_view b) const {
  for (const auto& cell : cells) {
    const auto& x = variables[cell.row]->name;
    const auto& y = variables[cell.column]->name;
    if ((x == a && y == b) || (x == b && y == a)) return &cell;
  }
  return nullptr;
}

std::vector<std::string> default_correlation_variables(std::string_view level) {
  return level == "state" ? kStateVariables : kCountyVariables;
}

CorrelationMatrix correlation_matrix(const MetricTable& table, std::span<const std::string> variables,
                                     CorrelationMethod method) {
  CorrelationMatrix matrix;
  matrix.level = table.level;
  matrix.method = method;
  for (const auto& name : variables) {
    if (const Metric* metric = table.find(name)) matrix.variables.push_back(metric);
  }
  for (std::size_t i = 0; i < matrix.variables.size(); ++i) {
    for (std::size_t j = i + 1; j < matrix.variables.size(); ++j) {
      auto result = correlate(matrix.variables[i]->values, matrix.variables[j]->values, method);
      if (result) matrix.cells.push_back(CorrelationCell{i, j, *result, 1});
    }
  }
  std::vector<double> p_values;
  for (const auto& cell : matrix.cells) p_values.push_back(cell.correlation.p_value);
  const auto adjusted = benjamini_hochberg(p_values);
  for (std::size_t k = 0; k < matrix.cells.size(); ++k) matrix.cells[k].p_adjusted = adjusted[k];
  return matrix;
}

nlohmann::ordered_json correlation_matrix_json(const CorrelationMatrix& matrix) {
  const std::size_t size = matrix.variables.size();
  nlohmann::ordered_json variables = nlohmann::ordered_json::array();
  for (const Metric* metric : matrix.variables) {
    variables.push_back({{"name", metric->name}, {"label", metric->label}, {"unit", metric->unit}});
  }
  auto r = square(size), n = square(size), p = square(size), p_adjusted = square(size), low = square(size),
       high = square(size);
  for (const auto& cell : matrix.cells) {
    for (auto [a, b] : {std::pair{cell.row, cell.column}, std::pair{cell.column, cell.row}}) {
      r[a][b] = cell.correlation.r;
      n[a][b] = cell.correlation.n;
      p[a][b] = cell.correlation.p_value;
      p_adjusted[a][b] = cell.p_adjusted;
      low[a][b] = cell.correlation.ci_low;
      high[a][b] = cell.correlation.ci_high;
    }
  }
  return {{"level", matrix.level},
          {"method", correlation_method_name(matrix.method)},
          {"variables", variables},
          {"r", r},
          {"n", n},
          {"p", p},
          {"p_adjusted", p_adjusted},
          {"ci_low", low},
          {"ci_high", high},
          {"notes",
           "pairwise-complete rows; two-sided p from the t distribution with n-2 df; 95% CI by Fisher z "
           "(1/sqrt(n-3)); p_adjusted by Benjamini-Hochberg across the " +
               std::to_string(matrix.cells.size()) + " pairs of this matrix"}};
}

}  // namespace hci::analytics
