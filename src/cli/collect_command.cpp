// `hci collect`: download the live CMS Hospital General Information file with retries and validation.

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/format.hpp"
#include "ingest/collector.hpp"

namespace hci::cli {

namespace {

struct CollectCliOptions {
  std::string url = ingest::kCmsHospitalsUrl;
  std::string out_dir = "data/raw";
  int retries = 3;
  int timeout_seconds = 300;
  int backoff_ms = 2000;
};

int run_collect(const CollectCliOptions& cli) {
  ingest::CollectOptions options;
  options.url = cli.url;
  options.out_dir = cli.out_dir;
  options.retries = cli.retries;
  options.timeout = std::chrono::seconds(cli.timeout_seconds);
  options.initial_backoff = std::chrono::milliseconds(cli.backoff_ms);
  options.log = [](const std::string& message) { std::fprintf(stderr, "hci collect: %s\n", message.c_str()); };
  ingest::CurlFetcher fetcher;
  ingest::CollectResult result = ingest::collect_cms_hospitals(options, fetcher);
  std::printf("collected %s\n  hospitals %s, %s bytes, sha256 %s, %d attempt(s)\n", result.path.c_str(),
              with_commas(result.hospitals).c_str(), with_commas(result.bytes).c_str(), result.sha256.c_str(),
              result.attempts);
  return 0;
}

}  // namespace

void add_collect_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CollectCliOptions>();
  auto* command = app.add_subcommand("collect", "Download the CMS Hospital General Information CSV (live)");
  command->add_option("--url", options->url, "source URL")->capture_default_str();
  command->add_option("--out-dir", options->out_dir, "raw data directory")->capture_default_str();
  command->add_option("--retries", options->retries, "retries after the first attempt")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
  command->add_option("--timeout", options->timeout_seconds, "seconds per attempt")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  command->add_option("--backoff-ms", options->backoff_ms, "first retry delay, doubled each time")
      ->capture_default_str()
      ->check(CLI::Range(0, 600000));
  command->callback([&action, options] { action = [options] { return run_collect(*options); }; });
}

}  // namespace hci::cli
