#include "ml/xgboost_model.hpp"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace hci::ml {

namespace {

void check(int status, const char* doing) {
  if (status != 0) throw Error(ErrorCode::internal, std::string("XGBoost ") + doing + ": " + XGBGetLastError());
}

// A DMatrix handle freed on scope exit.
class DMatrix {
 public:
  explicit DMatrix(const FeatureMatrix& x) {
    check(XGDMatrixCreateFromMat(x.values.data(), x.rows, x.columns.size(), std::nanf(""), &handle_),
          "creating a matrix");
  }
  ~DMatrix() { XGDMatrixFree(handle_); }
  DMatrix(const DMatrix&) = delete;
  DMatrix& operator=(const DMatrix&) = delete;
  DMatrixHandle get() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

std::string seed_text(std::uint64_t seed) { return std::to_string(seed % 2147483647); }

}  // namespace

XgbParameters gradient_boosting_parameters(std::uint64_t seed) {
  return {{{"objective", "reg:squarederror"},
           {"eta", "0.05"},
           {"max_depth", "4"},
           {"min_child_weight", "3"},
           {"subsample", "0.8"},
           {"colsample_bytree", "0.8"},
           {"lambda", "1"},
           {"tree_method", "hist"},
           {"nthread", "2"},
           {"seed", seed_text(seed)}},
          300};
}

XgbParameters random_forest_parameters(std::uint64_t seed) {
  return {{{"objective", "reg:squarederror"},
           {"eta", "1"},
           {"num_parallel_tree", "200"},
           {"max_depth", "10"},
           {"max_bin", "64"},
           {"subsample", "0.632"},
           {"colsample_bynode", "0.5"},
           {"lambda", "1e-5"},
           {"min_child_weight", "1"},
           {"tree_method", "hist"},
           {"nthread", "2"},
           {"seed", seed_text(seed)}},
          1};
}

XgbModel::XgbModel(void* booster, std::vector<std::string> columns) : booster_(booster), columns_(std::move(columns)) {}

XgbModel::XgbModel(XgbModel&& other) noexcept
    : booster_(std::exchange(other.booster_, nullptr)),
      columns_(std::move(other.columns_)),
      mutex_(std::move(other.mutex_)) {}

XgbModel& XgbModel::operator=(XgbModel&& other) noexcept {
  std::swap(booster_, other.booster_);
  std::swap(columns_, other.columns_);
  std::swap(mutex_, other.mutex_);
  return *this;
}

XgbModel::~XgbModel() {
  if (booster_) XGBoosterFree(booster_);
}

XgbModel XgbModel::train(const FeatureMatrix& x, std::span<const double> y, const XgbParameters& parameters) {
  DMatrix data(x);
  const std::vector<float> labels(y.begin(), y.end());
  check(XGDMatrixSetFloatInfo(data.get(), "label", labels.data(), labels.size()), "setting labels");
  const DMatrixHandle matrices[] = {data.get()};
  BoosterHandle booster = nullptr;
  check(XGBoosterCreate(matrices, 1, &booster), "creating a booster");
  XgbModel model(booster, x.columns);
  for (const auto& [name, value] : parameters.values) {
    check(XGBoosterSetParam(booster, name.c_str(), value.c_str()), "setting a parameter");
  }
  for (int round = 0; round < parameters.rounds; ++round) {
    check(XGBoosterUpdateOneIter(booster, round, data.get()), "training");
  }
  return model;
}

XgbModel XgbModel::from_json(const std::string& json, std::vector<std::string> columns) {
  BoosterHandle booster = nullptr;
  check(XGBoosterCreate(nullptr, 0, &booster), "creating a booster");
  XgbModel model(booster, std::move(columns));
  check(XGBoosterLoadModelFromBuffer(booster, json.data(), json.size()), "loading a model");
  return model;
}

std::vector<double> XgbModel::predict(const FeatureMatrix& x) const { return run_prediction(x, 0, 1); }

std::vector<double> XgbModel::contributions(const FeatureMatrix& x) const {
  return run_prediction(x, 2, columns_.size() + 1);
}

std::vector<double> XgbModel::run_prediction(const FeatureMatrix& x, int type, std::size_t per_row) const {
  if (x.columns.size() != columns_.size()) {
    throw Error(ErrorCode::internal, "XGBoost model expects " + std::to_string(columns_.size()) + " features, got " +
                                         std::to_string(x.columns.size()));
  }
  DMatrix data(x);
  std::lock_guard lock(*mutex_);
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  const nlohmann::json config = {
      {"type", type}, {"training", false}, {"iteration_begin", 0}, {"iteration_end", 0}, {"strict_shape", false}};
  check(XGBoosterPredictFromDMatrix(booster_, data.get(), config.dump().c_str(), &shape, &dimensions, &result),
        "predicting");
  return std::vector<double>(result, result + x.rows * per_row);
}

std::string XgbModel::to_json() const {
  std::lock_guard lock(*mutex_);
  bst_ulong length = 0;
  const char* buffer = nullptr;
  check(XGBoosterSaveModelToBuffer(booster_, R"({"format": "json"})", &length, &buffer), "saving a model");
  return std::string(buffer, length);
}

std::vector<std::pair<std::string, double>> XgbModel::importance_by_gain() const {
  std::lock_guard lock(*mutex_);
  nlohmann::json config = {{"importance_type", "total_gain"}, {"feature_names", columns_}};
  bst_ulong count = 0, dimensions = 0;
  const char** names = nullptr;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  check(XGBoosterFeatureScore(booster_, config.dump().c_str(), &count, &names, &dimensions, &shape, &scores),
        "scoring features");
  std::vector<std::pair<std::string, double>> importance;
  for (bst_ulong i = 0; i < count; ++i) importance.emplace_back(names[i], scores[i]);
  std::sort(importance.begin(), importance.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return importance;
}

}  // namespace hci::ml
