#include <curl/curl.h>

#include <cstdio>
#include <memory>

#include "ingest/fetcher.hpp"

namespace hci::ingest {

namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
struct CurlCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

size_t write_to_file(char* data, size_t size, size_t count, void* file) {
  return std::fwrite(data, size, count, static_cast<std::FILE*>(file)) * size;
}

}  // namespace

CurlFetcher::CurlFetcher() {
  static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)initialised;
}

FetchResult CurlFetcher::fetch(const std::string& url, const std::string& path, std::chrono::seconds timeout) {
  FetchResult result;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) {
    result.error = "cannot write " + path;
    return result;
  }
  std::unique_ptr<CURL, CurlCleanup> curl(curl_easy_init());
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, write_to_file);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, file.get());
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "hci-collector/0.1");
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  CURLcode code = curl_easy_perform(curl.get());
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.http_status);
  curl_off_t downloaded = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_SIZE_DOWNLOAD_T, &downloaded);
  result.bytes = downloaded;
  if (std::fflush(file.get()) != 0) {
    result.error = "cannot write " + path;
    return result;
  }
  result.transport_ok = code == CURLE_OK;
  if (code != CURLE_OK) result.error = error[0] != '\0' ? error : curl_easy_strerror(code);
  return result;
}

}  // namespace hci::ingest
