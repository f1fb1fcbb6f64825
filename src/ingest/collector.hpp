#pragma once
// The live collector: downloads the CMS hospital file, validates it, then publishes it atomically.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "ingest/fetcher.hpp"

namespace hci::ingest {

/// The CMS Provider Data Catalog download of Hospital General Information (dataset xubh-q36u).
inline constexpr const char* kCmsHospitalsUrl =
    "https://data.cms.gov/provider-data/api/1/datastore/query/xubh-q36u/0/download?format=csv";

/// How to collect.
struct CollectOptions {
  std::string url = kCmsHospitalsUrl;
  std::filesystem::path out_dir = "data/raw";       // receives cms/Hospital_General_Information.csv + manifest.json
  int retries = 3;                                  // attempts after the first
  std::chrono::milliseconds initial_backoff{2000};  // doubles after each failed attempt
  std::chrono::seconds timeout{300};
  std::function<void(std::chrono::milliseconds)> sleep;  // defaults to std::this_thread::sleep_for
  std::function<void(const std::string&)> log;           // progress messages, may be empty
};

/// What a successful collection published.
struct CollectResult {
  std::string path;
  std::string sha256;
  std::int64_t bytes = 0;
  std::int64_t hospitals = 0;
  int attempts = 0;
};

/// Downloads to a temporary file, retrying network errors, 408/429/5xx and short bodies with
/// exponential backoff; validates the file by parsing it as the CMS hospital source; only then
/// renames it over the last good file and records url, sha256, bytes, rows and time in manifest.json.
/// Throws hci::Error (unavailable or invalid_input) when every attempt fails; the last good file is
/// then untouched.
CollectResult collect_cms_hospitals(const CollectOptions& options, Fetcher& fetcher);

}  // namespace hci::ingest
