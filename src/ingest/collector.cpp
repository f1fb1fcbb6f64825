#include "ingest/collector.hpp"

#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "ingest/cms_hospitals.hpp"
#include "ingest/csv_reader.hpp"

namespace hci::ingest {

namespace {

constexpr const char* kRelativePath = "cms/Hospital_General_Information.csv";

bool is_retryable_status(long status) { return status == 408 || status == 429 || status >= 500; }

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

// Parses the download as the CMS source; returns the number of valid hospitals, throws when unusable.
std::int64_t validate_download(const std::string& path) {
  CsvReader reader(path, "downloaded " + std::string(kRelativePath));
  QualityReport scratch;
  std::int64_t hospitals = 0;
  read_cms_hospitals(reader, scratch, [&](Hospital&) { ++hospitals; });
  if (hospitals == 0) throw Error(ErrorCode::invalid_input, "the download holds no valid hospital row");
  return hospitals;
}

void write_manifest(const std::filesystem::path& dir, const CollectOptions& options, const CollectResult& result) {
  const auto manifest_path = dir / "manifest.json";
  nlohmann::json manifest = nlohmann::json::object();
  if (std::ifstream in(manifest_path); in) manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) manifest = nlohmann::json::object();
  manifest["files"][kRelativePath] = {{"url", options.url},        {"sha256", result.sha256},
                                      {"bytes", result.bytes},     {"rows", result.hospitals},
                                      {"retrieved_at", utc_now()}, {"attempts", result.attempts}};
  const auto temporary = dir / "manifest.json.part";
  std::ofstream(temporary) << manifest.dump(2) << '\n';
  std::filesystem::rename(temporary, manifest_path);
}

}  // namespace

CollectResult collect_cms_hospitals(const CollectOptions& options, Fetcher& fetcher) {
  const auto final_path = options.out_dir / kRelativePath;
  std::filesystem::create_directories(final_path.parent_path());
  const auto part_path = final_path.string() + ".part";
  auto sleep = options.sleep ? options.sleep : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  auto backoff = options.initial_backoff;
  std::string last_error;
  for (int attempt = 1; attempt <= options.retries + 1; ++attempt) {
    if (attempt > 1) {
      if (options.log) options.log("retrying in " + std::to_string(backoff.count()) + " ms after: " + last_error);
      sleep(backoff);
      backoff *= 2;
    }
    FetchResult fetched = fetcher.fetch(options.url, part_path, options.timeout);
    if (!fetched.transport_ok) {
      last_error = "attempt " + std::to_string(attempt) + ": " + fetched.error;
      continue;
    }
    if (fetched.http_status >= 400) {
      last_error = "attempt " + std::to_string(attempt) + ": HTTP " + std::to_string(fetched.http_status);
      if (!is_retryable_status(fetched.http_status)) break;
      continue;
    }
    try {
      CollectResult result{final_path.string(), sha256_file_hex(part_path), fetched.bytes, validate_download(part_path),
                           attempt};
      std::filesystem::rename(part_path, final_path);
      write_manifest(options.out_dir, options, result);
      return result;
    } catch (const Error& e) {
      last_error = "attempt " + std::to_string(attempt) + ": invalid download: " + e.what();
    }
  }
  std::error_code ignored;
  std::filesystem::remove(part_path, ignored);
  throw Error(ErrorCode::unavailable, "could not collect " + options.url + " (last good file kept): " + last_error);
}

}  // namespace hci::ingest
