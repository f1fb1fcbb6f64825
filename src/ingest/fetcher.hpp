#pragma once
// Downloads over HTTP(S). The interface lets tests and other transports stand in for libcurl.

#include <chrono>
#include <cstdint>
#include <string>

namespace hci::ingest {

/// The outcome of one download attempt.
struct FetchResult {
  bool transport_ok = false;  // the transfer completed (no network error, no short body)
  long http_status = 0;
  std::int64_t bytes = 0;
  std::string error;  // why the transfer failed, when it did
};

/// Downloads one URL into a file, overwriting it.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  /// Fetches `url` into `path` within `timeout`; never throws for network or HTTP failures.
  virtual FetchResult fetch(const std::string& url, const std::string& path, std::chrono::seconds timeout) = 0;
};

/// The libcurl Fetcher: follows redirects, fails on a body shorter than its Content-Length.
class CurlFetcher : public Fetcher {
 public:
  CurlFetcher();
  FetchResult fetch(const std::string& url, const std::string& path, std::chrono::seconds timeout) override;
};

}  // namespace hci::ingest
