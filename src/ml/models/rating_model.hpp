#pragma once
// The hospital star-rating predictor: CMS overall rating from a hospital's type, ownership, services,
// measure-group counts, beds, its measure values (readmission, mortality, safety, patient experience,
// spending) and its state and county context.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/hospital.hpp"
#include "core/measure_value.hpp"
#include "core/metric_table.hpp"
#include "ml/features.hpp"
#include "ml/trained_model.hpp"

namespace hci::ml {

/// The state and county values joined onto each hospital, kept with the model so a prediction uses the
/// context the model was trained with.
class RatingContext {
 public:
  /// Takes the context metrics from the state and county tables of the training data.
  RatingContext(const MetricTable& states, const MetricTable& counties);
  /// Restores a context saved with to_json().
  explicit RatingContext(const nlohmann::ordered_json& document);

  /// Adds the context of a state and a county (either may be empty or unknown) to a row.
  void add_to(RawRow& row, const std::string& state, const std::optional<std::string>& county_fips) const;
  /// The context as JSON.
  nlohmann::json to_json() const;

 private:
  std::map<std::string, std::map<std::string, double>> states_;
  std::map<std::string, std::map<std::string, double>> counties_;
};

/// The body fields of a prediction request and the model's inputs: hospital_type, hospital_ownership,
/// state and county_fips (text), emergency_services and birthing_friendly (booleans), beds and the
/// measure-group counts named after the CMS columns (count_of_mort_measures_better, ...).
const std::vector<std::string>& rating_text_inputs();
const std::vector<std::string>& rating_boolean_inputs();
const std::vector<std::string>& rating_number_inputs();

/// The measure values the model reads, named by CMS measure id (READM-30-HF-HRRP, MORT-30-HF, HAC-PSI-90,
/// H_COMP_1_STAR_RATING, MSPB-1, ...): a request may give them as numbers.
const std::vector<std::string>& rating_measure_inputs();

/// The measure group of a model input ("readmission", "mortality", "safety", "patient_experience",
/// "spending" for measure inputs; "measure_group_counts", "hospital" or "area_context" for the others), for
/// importance and explanations by group. `column` may be an encoded one ("state=TX").
std::string rating_input_group(std::string_view column);

/// A hospital's own inputs (without context or measures).
RawRow rating_inputs_of(const Hospital& hospital);

/// Adds a hospital's values of rating_measure_inputs() to a row; `value_of` gives a value by measure id.
void add_measure_inputs(RawRow& row, const std::function<std::optional<double>(const std::string&)>& value_of);

/// Which inputs a rating training set has: today's (hospital, measure-group counts, area context), or
/// those plus the measure values.
enum class RatingFeatures { without_measures, with_measures };

/// Trains the seed's random forest (XGBoost random-forest mode) and gradient boosting on the rated
/// hospitals with their measure values, compares their 5-fold CV scores on identical folds, keeps the
/// better, scores it on the same folds without the measure values (the model before measures), and refits
/// it on every rated hospital. The metrics carry both feature sets and the gain share of each input group.
TrainedModel train_rating_model(const std::vector<Hospital>& hospitals, const std::vector<MeasureValue>& measures,
                                const MetricTable& states, const MetricTable& counties, std::uint64_t seed);

/// The rows (rated hospitals, with context), targets and folds the rating model trains on, for the
/// scikit-learn comparison (bench/): same features, same folds.
struct RatingTrainingSet {
  FeatureEncoder encoder;
  std::vector<std::string> ids;
  FeatureMatrix x;
  std::vector<double> y;
  std::vector<int> folds;
};
RatingTrainingSet rating_training_set(const std::vector<Hospital>& hospitals, const std::vector<MeasureValue>& measures,
                                      const MetricTable& states, const MetricTable& counties, std::uint64_t seed,
                                      RatingFeatures features);

}  // namespace hci::ml
