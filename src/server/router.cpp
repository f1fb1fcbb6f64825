#include "server/router.hpp"

#include <algorithm>

namespace hci::server {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches the segments; returns the number of literal segments matched (higher is more specific), or -1.
int match_pattern(std::string_view pattern, const std::vector<std::string_view>& path,
                  std::vector<std::string>& values) {
  const auto segments = split_path(pattern);
  if (segments.size() != path.size()) return -1;
  values.clear();
  int literals = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (is_placeholder(segments[i])) {
      if (path[i].empty()) return -1;
      values.emplace_back(path[i]);
    } else if (segments[i] == path[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return literals;
}

}  // namespace

std::string_view scope_name(Scope scope) {
  switch (scope) {
    case Scope::none: return "none";
    case Scope::read: return "read";
    case Scope::predict: return "predict";
    case Scope::export_data: return "export";
    case Scope::admin: return "admin";
  }
  return "none";
}

void Router::add(Route route) { routes_.push_back(std::move(route)); }

Router::Match Router::match(std::string_view method, std::string_view path) const {
  const auto segments = split_path(path);
  Match best;
  int best_literals = -1;
  std::vector<std::string> values;
  for (const auto& route : routes_) {
    const int literals = match_pattern(route.pattern, segments, values);
    if (literals < 0) continue;
    if (route.method != method) {
      if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), route.method) ==
          best.allowed_methods.end()) {
        best.allowed_methods.push_back(route.method);
      }
      continue;
    }
    if (literals > best_literals) {
      best_literals = literals;
      best.route = &route;
      best.values = values;
    }
  }
  return best;
}

}  // namespace hci::server
