#include "pipeline/notifier.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace hci::pipeline {

namespace {

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using Headers = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// The message body curl reads for SMTP.
struct Upload {
  std::string text;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->text.size() - upload->sent);
  std::memcpy(buffer, upload->text.data() + upload->sent, n);
  upload->sent += n;
  return n;
}

std::size_t ignore_body(char*, std::size_t size, std::size_t count, void*) { return size * count; }

std::string post_webhook(const NotifyOptions& options, const std::string& body) {
  Curl curl(curl_easy_init(), &curl_easy_cleanup);
  Headers headers(curl_slist_append(nullptr, "Content-Type: application/json"), &curl_slist_free_all);
  curl_easy_setopt(curl.get(), CURLOPT_URL, options.webhook_url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, options.timeout_seconds);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, ignore_body);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode code = curl_easy_perform(curl.get());
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK) return "webhook " + options.webhook_url + ": " + curl_easy_strerror(code);
  if (status < 200 || status >= 300) return "webhook " + options.webhook_url + ": HTTP " + std::to_string(status);
  return "";
}

std::string send_mail(const NotifyOptions& options, const PipelineRun& run, const std::string& body) {
  Upload upload;
  upload.text = "From: " + options.mail_from + "\r\nTo: ";
  for (std::size_t i = 0; i < options.mail_to.size(); ++i) upload.text += (i ? ", " : "") + options.mail_to[i];
  upload.text += "\r\nSubject: hci pipeline run " + std::to_string(run.id) + " " + run.status +
                 "\r\nContent-Type: application/json\r\n\r\n" + body + "\r\n";
  Curl curl(curl_easy_init(), &curl_easy_cleanup);
  Headers recipients(nullptr, &curl_slist_free_all);
  for (const auto& to : options.mail_to) recipients.reset(curl_slist_append(recipients.release(), to.c_str()));
  curl_easy_setopt(curl.get(), CURLOPT_URL, options.smtp_url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, options.mail_from.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, options.timeout_seconds);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) return "email via " + options.smtp_url + ": " + curl_easy_strerror(code);
  return "";
}

}  // namespace

std::vector<std::string> notify(const NotifyOptions& options, const PipelineRun& run) {
  const std::string body = pipeline_run_json(run).dump();
  std::vector<std::string> failures;
  if (!options.webhook_url.empty()) {
    if (auto error = post_webhook(options, body); !error.empty()) failures.push_back(error);
  }
  if (!options.smtp_url.empty() && !options.mail_to.empty()) {
    if (auto error = send_mail(options, run, body); !error.empty()) failures.push_back(error);
  }
  return failures;
}

}  // namespace hci::pipeline
