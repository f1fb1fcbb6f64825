#pragma once
// Tells people how a pipeline run ended: a JSON webhook POST and, optionally, an email over SMTP (libcurl).

#include <string>
#include <vector>

#include "core/pipeline_run.hpp"

namespace hci::pipeline {

/// Where to send notifications; an empty field switches that channel off.
struct NotifyOptions {
  std::string webhook_url;  // POST application/json
  std::string smtp_url;     // smtp://host:port or smtps://...
  std::string mail_from;
  std::vector<std::string> mail_to;
  long timeout_seconds = 10;
};

/// Sends the run to every configured channel. Returns one line per channel that failed (a notification
/// failure never fails the run; the caller logs it).
std::vector<std::string> notify(const NotifyOptions& options, const PipelineRun& run);

}  // namespace hci::pipeline
