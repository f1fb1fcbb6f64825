// `hci pipeline run|status|history|schedule|task`: the scheduled pipeline (what the seed's Airflow DAG did).

#include <csignal>
#include <cstdio>
#include <ctime>
#include <thread>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "pipeline/cron.hpp"
#include "pipeline/pipeline_runner.hpp"
#include "store/store.hpp"

namespace hci::cli {

namespace {

volatile std::sig_atomic_t stop_requested = 0;

struct PipelineCliOptions {
  std::string only, from, version;
  std::string source_dir = "data/snapshot", work_dir = "data/pipeline", collect_url, models_dir = "models";
  std::uint64_t seed = 42;
  long max_error_rows = 200, min_hospitals = 4000;
  double min_geocoded_pct = 95;
  int task_timeout = 0, attempts = 0, backoff_ms = -1;
  std::string webhook, smtp_url, mail_from;
  std::vector<std::string> mail_to;
  std::string cron, tz = "UTC";
  int max_runs = 0;
  int limit = 20;
  std::string task, task_version, config;
  std::int64_t run_id = 0;
};

pipeline::RunOptions run_options(const GlobalOptions& global, const PipelineCliOptions& o) {
  pipeline::RunOptions options;
  if (!o.only.empty()) options.only = o.only;
  if (!o.from.empty()) options.from = o.from;
  options.dataset_version = o.version;
  options.db_uri = global.db;
  options.hci_binary = std::filesystem::read_symlink("/proc/self/exe");
  options.config.source_dir = o.source_dir;
  options.config.work_dir = o.work_dir;
  options.config.collect_url = o.collect_url;
  options.config.models_dir = o.models_dir;
  options.config.seed = o.seed;
  options.config.gate.max_error_rows = o.max_error_rows;
  options.config.gate.min_hospitals = o.min_hospitals;
  options.config.gate.min_geocoded_pct = o.min_geocoded_pct;
  options.policies = pipeline::default_task_policies();
  for (auto& [task, policy] : options.policies) {
    if (o.task_timeout > 0) policy.timeout = std::chrono::seconds(o.task_timeout);
    if (o.attempts > 0) policy.max_attempts = o.attempts;
    if (o.backoff_ms >= 0) policy.backoff = std::chrono::milliseconds(o.backoff_ms);
  }
  options.notify = pipeline::NotifyOptions{o.webhook, o.smtp_url, o.mail_from, o.mail_to, 10};
  options.log = [](const std::string& line) {
    std::printf("  %s\n", line.c_str());
    std::fflush(stdout);
  };
  return options;
}

void print_run(const PipelineRun& run) {
  std::printf("run %lld (%s) %s  %s -> %s  dataset %s\n", static_cast<long long>(run.id), run.trigger.c_str(),
              run.status.c_str(), run.started_at.c_str(), run.finished_at.c_str(),
              run.dataset_version.substr(0, 12).c_str());
  for (const auto& t : run.tasks) {
    std::printf("  %-9s attempt %d  %-9s %7.2f s  %s\n", t.task.c_str(), t.attempt, t.status.c_str(),
                t.duration_seconds, t.error.c_str());
  }
  if (!run.error.empty()) std::printf("  error: %s\n", run.error.c_str());
}

int run_once(const GlobalOptions& global, const PipelineCliOptions& o, const std::string& trigger) {
  auto store = store::open_store(global.db);
  store->migrate();
  pipeline::RunOptions options = run_options(global, o);
  options.trigger = trigger;
  const auto run = pipeline::run_pipeline(*store, options);
  print_run(run);
  return run.status == "succeeded" ? 0 : 1;
}

std::time_t parse_utc(const std::string& iso) {
  std::tm t{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &t)) return 0;
  return timegm(&t);
}

// Waits until `when`, in short sleeps so SIGTERM stops the scheduler promptly; false when asked to stop.
bool sleep_until(std::chrono::system_clock::time_point when) {
  while (!stop_requested && std::chrono::system_clock::now() < when) {
    std::this_thread::sleep_for(std::min<std::chrono::system_clock::duration>(std::chrono::seconds(1),
                                                                              when - std::chrono::system_clock::now()));
  }
  return !stop_requested;
}

int schedule(const GlobalOptions& global, const PipelineCliOptions& o) {
  pipeline::set_process_time_zone(o.tz);
  const auto cron = pipeline::CronExpression::parse(o.cron);
  std::signal(SIGTERM, [](int) { stop_requested = 1; });
  std::signal(SIGINT, [](int) { stop_requested = 1; });
  int runs = 0;
  auto run = [&](const std::string& trigger) {
    try {
      run_once(global, o, trigger);
    } catch (const Error& e) {
      std::printf("pipeline run skipped: %s\n", e.what());  // another run holds the lock, or the store is down
    }
    std::fflush(stdout);
    ++runs;
  };
  {
    auto store = store::open_store(global.db);
    store->migrate();
    const auto history = store->pipeline_runs(1);
    const auto now = std::chrono::system_clock::now();
    const auto due = cron.previous_at_or_before(now, std::chrono::hours(24 * 31));
    const bool missed =
        due != now &&
        (history.empty() || std::chrono::system_clock::from_time_t(parse_utc(history.front().started_at)) < due);
    std::printf("hci pipeline schedule: '%s' (%s); next run %s\n", o.cron.c_str(), o.tz.c_str(),
                missed ? "now (a scheduled run was missed)" : "at the next scheduled time");
    std::fflush(stdout);
    if (missed) run("schedule");
  }
  while (!stop_requested && (o.max_runs == 0 || runs < o.max_runs)) {
    const auto next = cron.next_after(std::chrono::system_clock::now());
    if (!sleep_until(next)) break;
    run("schedule");
  }
  return 0;
}

int history(const GlobalOptions& global, int limit) {
  auto store = store::open_store(global.db, store::OpenMode::must_exist);
  const auto runs = store->pipeline_runs(limit);
  if (runs.empty()) std::printf("no pipeline run recorded in %s\n", store->describe().c_str());
  for (const auto& run : runs) print_run(run);
  return 0;
}

// One task in this process (the runner starts one of these per attempt).
int task(const GlobalOptions& global, const PipelineCliOptions& o) {
  auto store = store::open_store(global.db);
  try {
    const auto config = pipeline::pipeline_config_from_json(nlohmann::json::parse(o.config));
    const auto output = pipeline::run_pipeline_task(*store, o.task, config, o.run_id, o.task_version);
    std::printf("%s\ndataset_version=%s\n", output.note.c_str(), output.dataset_version.c_str());
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return e.code() == ErrorCode::invalid_input ? pipeline::kTaskNotRetryable : 1;
  }
}

void add_run_options(CLI::App* command, PipelineCliOptions& o) {
  command->add_option("--only", o.only, "run just this task (collect, ingest, analytics, train, publish)");
  command->add_option("--from", o.from, "start at this task");
  command->add_option("--dataset-version", o.version, "the version for runs without ingest (default newest)");
  command->add_option("--source-dir", o.source_dir, "the source directory to start from")->capture_default_str();
  command->add_option("--work-dir", o.work_dir, "one folder per run for collected sources")->capture_default_str();
  command->add_option("--collect-url", o.collect_url, "download the live CMS file from here (e.g. the CMS URL)");
  command->add_option("--models-dir", o.models_dir, "where train writes model files")->capture_default_str();
  command->add_option("--seed", o.seed, "training seed")->capture_default_str();
  command->add_option("--max-error-rows", o.max_error_rows, "quality gate: quarantined rows allowed")
      ->capture_default_str();
  command->add_option("--min-hospitals", o.min_hospitals, "quality gate: hospitals required")->capture_default_str();
  command->add_option("--min-geocoded-pct", o.min_geocoded_pct, "quality gate: geocoded share")->capture_default_str();
  command->add_option("--task-timeout", o.task_timeout, "seconds each task may run (default per task)");
  command->add_option("--attempts", o.attempts, "attempts per task (default 3; train 2)");
  command->add_option("--backoff-ms", o.backoff_ms, "wait before the 2nd attempt; doubles (default 2000)");
  command->add_option("--webhook", o.webhook, "POST the finished run as JSON here");
  command->add_option("--smtp-url", o.smtp_url, "send an email through this server (smtp://host:port)");
  command->add_option("--mail-from", o.mail_from, "sender of the email");
  command->add_option("--mail-to", o.mail_to, "recipients of the email");
}

}  // namespace

void add_pipeline_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto o = std::make_shared<PipelineCliOptions>();
  auto* pipeline = app.add_subcommand("pipeline",
                                      "Run, schedule and inspect the pipeline: collect -> ingest -> "
                                      "analytics -> train -> publish");
  pipeline->require_subcommand(1);

  auto* run = pipeline->add_subcommand("run", "Run the task graph once (exit 1 when a task fails)");
  add_run_options(run, *o);
  run->callback([&global, &action, o] { action = [&global, o] { return run_once(global, *o, "manual"); }; });

  auto* sched = pipeline->add_subcommand("schedule", "Run the pipeline on a cron schedule until stopped");
  add_run_options(sched, *o);
  sched->add_option("--cron", o->cron, "standard 5-field cron expression, e.g. \"0 2 * * *\"")->required();
  sched->add_option("--tz", o->tz, "IANA time zone of the expression")->capture_default_str();
  sched->add_option("--max-runs", o->max_runs, "stop after this many runs (0 = never)");
  sched->callback([&global, &action, o] { action = [&global, o] { return schedule(global, *o); }; });

  auto* status = pipeline->add_subcommand("status", "The latest run and its tasks");
  status->callback([&global, &action] { action = [&global] { return history(global, 1); }; });

  auto* hist = pipeline->add_subcommand("history", "Recent runs, newest first");
  hist->add_option("--limit", o->limit, "how many runs")->capture_default_str();
  hist->callback([&global, &action, o] { action = [&global, o] { return history(global, o->limit); }; });

  auto* task_command = pipeline->add_subcommand("task", "Run one task in this process (used by the runner)");
  task_command->add_option("TASK", o->task, "collect, ingest, analytics, train or publish")->required();
  task_command->add_option("--run-id", o->run_id, "the run this attempt belongs to")->required();
  task_command->add_option("--dataset-version", o->task_version, "the version to work on");
  task_command->add_option("--config", o->config, "the pipeline config as JSON")->required();
  task_command->callback([&global, &action, o] { action = [&global, o] { return task(global, *o); }; });
}

}  // namespace hci::cli
