#include "pipeline/pipeline_tasks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "ingest/collector.hpp"
#include "pipeline/analyze_dataset.hpp"
#include "pipeline/load_sources.hpp"
#include "pipeline/train_models.hpp"

namespace hci::pipeline {

namespace {

std::filesystem::path run_dir(const PipelineConfig& config, std::int64_t run_id) {
  return config.work_dir / ("run-" + std::to_string(run_id));
}

// Copies the source directory into the run's folder and, with a collect URL, replaces its CMS file with the live one
// (downloaded, validated and published atomically by the collector).
TaskOutput collect(const PipelineConfig& config, std::int64_t run_id) {
  const auto dir = run_dir(config, run_id);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(config.source_dir, dir / "sources", std::filesystem::copy_options::recursive);
  if (config.collect_url.empty()) return {"", "sources copied from " + config.source_dir.string()};
  ingest::CollectOptions options;
  options.url = config.collect_url;
  options.out_dir = dir / "raw";
  options.retries = 0;  // the pipeline retries the whole task with its own backoff
  ingest::CurlFetcher fetcher;
  const auto collected = ingest::collect_cms_hospitals(options, fetcher);
  std::filesystem::copy_file(collected.path, dir / "sources" / "cms" / "Hospital_General_Information.csv",
                             std::filesystem::copy_options::overwrite_existing);
  return {"", fmt::format("{} hospitals collected from {}", collected.hospitals, config.collect_url)};
}

// Loads the run's sources as a staged version (stored complete, not served) and applies the quality gate.
TaskOutput ingest(store::Store& store, const PipelineConfig& config, std::int64_t run_id) {
  LoadOptions options;
  options.make_current = false;
  const auto loaded = load_sources(store, run_dir(config, run_id) / "sources", options);
  const auto dataset = store.find_dataset(loaded.result.version);
  const auto violations = quality_gate_violations(config.gate, nlohmann::json::parse(dataset->quality_report_json),
                                                  nlohmann::json::parse(dataset->summary_json));
  if (!violations.empty()) {
    std::string text;
    for (const auto& v : violations) text += (text.empty() ? "" : "; ") + v;
    throw Error(ErrorCode::invalid_input, "quality gate refused version " + loaded.result.version.substr(0, 12) + ": " +
                                              text + "; the current version stays published");
  }
  return {loaded.result.version, fmt::format("{} hospitals staged; quality gate passed", dataset->hospital_count)};
}

}  // namespace

const std::vector<std::string>& pipeline_task_names() {
  static const std::vector<std::string> names{"collect", "ingest", "analytics", "train", "publish"};
  return names;
}

nlohmann::json pipeline_config_json(const PipelineConfig& c) {
  return {{"source_dir", c.source_dir.string()},
          {"work_dir", c.work_dir.string()},
          {"collect_url", c.collect_url},
          {"models_dir", c.models_dir.string()},
          {"seed", c.seed},
          {"gate",
           {{"max_error_rows", c.gate.max_error_rows},
            {"min_geocoded_pct", c.gate.min_geocoded_pct},
            {"min_hospitals", c.gate.min_hospitals},
            {"min_county_resolved_pct", c.gate.min_county_resolved_pct}}}};
}

PipelineConfig pipeline_config_from_json(const nlohmann::json& d) {
  try {
    PipelineConfig c;
    c.source_dir = d.at("source_dir").get<std::string>();
    c.work_dir = d.at("work_dir").get<std::string>();
    c.collect_url = d.at("collect_url").get<std::string>();
    c.models_dir = d.at("models_dir").get<std::string>();
    c.seed = d.at("seed").get<std::uint64_t>();
    const auto& g = d.at("gate");
    c.gate = {g.at("max_error_rows").get<long>(), g.at("min_geocoded_pct").get<double>(),
              g.at("min_hospitals").get<long>(), g.at("min_county_resolved_pct").get<double>()};
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::invalid_input, std::string("malformed pipeline config: ") + e.what());
  }
}

TaskOutput run_pipeline_task(store::Store& store, const std::string& task, const PipelineConfig& config,
                             std::int64_t run_id, const std::string& dataset_version) {
  const auto& names = pipeline_task_names();
  if (std::find(names.begin(), names.end(), task) == names.end()) {
    throw Error(ErrorCode::invalid_input, "unknown pipeline task '" + task + "'");
  }
  if (task == "collect") return collect(config, run_id);
  if (task == "ingest") return ingest(store, config, run_id);
  if (dataset_version.empty()) throw Error(ErrorCode::invalid_input, "task '" + task + "' needs a dataset version");
  if (task == "analytics") {
    const auto outcome = analyze_dataset(store, dataset_version);
    return {outcome.version, fmt::format("{} documents, {} insights", outcome.documents, outcome.insights)};
  }
  if (task == "train") {
    TrainOptions options;
    options.version = dataset_version;
    options.seed = config.seed;
    options.models_dir = config.models_dir;
    const auto models = train_models(store, options);
    return {dataset_version, fmt::format("{} models trained", models.size())};
  }
  store.publish(dataset_version);
  return {dataset_version, "published: servers watching the store reload it"};
}

}  // namespace hci::pipeline
