#pragma once
// Request counters and latency histograms, rendered in the Prometheus text format.

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace hci::server {

/// What the server counts. Thread-safe; record() is called once per request.
class Metrics {
 public:
  /// Counts a request by method, route pattern and status, and adds its duration to the route's histogram.
  void record(const std::string& method, const std::string& route, int status, double seconds);
  /// The request metrics plus `extra` lines (snapshot and process gauges) as Prometheus text.
  std::string render(const std::string& extra) const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                   0.01,   0.025,   0.05,   0.1,   0.5,    1.0};
  struct Histogram {
    std::array<unsigned long, kBuckets.size()> counts{};
    unsigned long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long> requests_;
  std::map<std::string, Histogram> durations_;
};

/// Resident memory, CPU seconds, open file descriptors and start time of this process, as Prometheus text.
std::string process_metrics();

}  // namespace hci::server
