#include "server/metrics.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace hci::server {

namespace {

const auto kProcessStart = std::chrono::system_clock::now();

std::string number(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

void Metrics::record(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  Histogram& histogram = durations_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++histogram.counts[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

std::string Metrics::render(const std::string& extra) const {
  std::string out =
      "# HELP http_requests_total Requests answered, by method, route pattern and status.\n"
      "# TYPE http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" + std::to_string(status) +
           "\"} " + std::to_string(count) + "\n";
  }
  out +=
      "# HELP http_request_duration_seconds Time from a parsed request to its response, by route pattern.\n"
      "# TYPE http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    const std::string label = "route=\"" + route + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += "http_request_duration_seconds_bucket{" + label + ",le=\"" + number(kBuckets[i]) + "\"} " +
             std::to_string(histogram.counts[i]) + "\n";
    }
    out += "http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(histogram.count) + "\n";
    out += "http_request_duration_seconds_sum{" + label + "} " + number(histogram.sum) + "\n";
    out += "http_request_duration_seconds_count{" + label + "} " + std::to_string(histogram.count) + "\n";
  }
  return out + extra;
}

std::string process_metrics() {
  long pages_resident = 0, pages_total = 0;
  std::ifstream("/proc/self/statm") >> pages_total >> pages_resident;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  std::size_t fds = 0;
  std::error_code ignored;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ignored);
       it != std::filesystem::directory_iterator(); it.increment(ignored)) {
    ++fds;
  }
  const double start = std::chrono::duration<double>(kProcessStart.time_since_epoch()).count();
  return "# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes " +
         std::to_string(pages_resident * sysconf(_SC_PAGESIZE)) +
         "\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total " + number(cpu) +
         "\n# TYPE process_open_fds gauge\nprocess_open_fds " + std::to_string(fds) +
         "\n# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds " + number(start) + "\n";
}

}  // namespace hci::server
