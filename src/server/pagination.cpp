#include "server/pagination.hpp"

#include <nlohmann/json.hpp>

namespace hci::server {

namespace {

constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kBase64Url[(buffer >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kBase64Url[(buffer << (6 - bits)) & 0x3F]);
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const size_t value = kBase64Url.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// Percent-encodes a query component (RFC 3986 unreserved characters stay as they are).
std::string encode_component(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

constexpr QueryParameter kLimit{.name = "limit",
                                .type = ParameterType::integer,
                                .description = "page size (default 50)",
                                .minimum = 1,
                                .maximum = kMaxPageSize};
constexpr QueryParameter kOffset{
    .name = "offset", .type = ParameterType::integer, .description = "items to skip", .minimum = 0, .maximum = 1e9};
constexpr QueryParameter kCursor{.name = "cursor",
                                 .type = ParameterType::text,
                                 .description = "opaque cursor from links.next_cursor (instead of offset)"};
constexpr QueryParameter kPageParameters[] = {kLimit, kOffset, kCursor};

}  // namespace

std::string encode_cursor(std::string_view dataset_version, std::string_view id) {
  return base64url_encode(std::string(dataset_version.substr(0, 12)) + ":" + std::string(id));
}

std::span<const QueryParameter> page_parameters() { return kPageParameters; }

PageRequest read_page_request(QueryReader& query, std::string_view dataset_version) {
  PageRequest page;
  page.limit = query.integer(kLimit).value_or(50);
  auto offset = query.integer(kOffset);
  auto cursor = query.raw(kCursor);
  if (offset && cursor) query.fail("cursor", *cursor, "give either cursor or offset, not both");
  page.offset = offset.value_or(0);
  if (!cursor) return page;
  auto decoded = base64url_decode(*cursor);
  const std::string prefix = std::string(dataset_version.substr(0, 12)) + ":";
  if (!decoded || decoded->rfind(prefix, 0) != 0 || decoded->size() == prefix.size()) {
    query.fail("cursor", *cursor,
               decoded && decoded->find(':') == 12 ? "belongs to another dataset version: start from the first page"
                                                   : "is not a cursor this API issued");
    return page;
  }
  page.after_id = decoded->substr(prefix.size());
  return page;
}

PageSlice slice_page(const PageRequest& page, std::size_t total,
                     const std::function<std::string_view(std::size_t)>& id_at) {
  std::size_t begin = std::min<std::size_t>(static_cast<std::size_t>(page.offset), total);
  if (page.after_id) {
    std::size_t position = 0;
    while (position < total && id_at(position) != *page.after_id) ++position;
    if (position == total) {
      throw RequestError(400, ErrorCode::invalid_input, "the cursor's item is not in this result",
                         {{"cursor", *page.after_id, "does not match these filters and sort"}});
    }
    begin = position + 1;
  }
  return {begin, std::min(total, begin + static_cast<std::size_t>(page.limit))};
}

std::string link_with(const HttpRequest& request, std::string_view name, std::string_view value,
                      std::string_view drop) {
  std::string query;
  std::string_view rest = request.query;
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const std::string_view key = pair.substr(0, pair.find('='));
    if (pair.empty() || key == name || key == drop) continue;
    query += (query.empty() ? "" : "&") + std::string(pair);
  }
  query += (query.empty() ? "" : "&") + std::string(name) + "=" + encode_component(value);
  return request.path + "?" + query;
}

HttpResponse list_response(const HttpRequest& request, const ItemWriter& write_items, std::size_t total,
                           const PageRequest& page, const PageSlice& slice, std::string_view dataset_version,
                           std::string_view source_json, std::string_view last_id) {
  nlohmann::ordered_json links = {{"self", request.query.empty() ? request.path : request.path + "?" + request.query}};
  HttpResponse response;
  if (slice.end < total) {
    links["next"] = page.after_id ? link_with(request, "cursor", encode_cursor(dataset_version, last_id), "offset")
                                  : link_with(request, "offset", std::to_string(slice.end), "cursor");
    links["next_cursor"] = link_with(request, "cursor", encode_cursor(dataset_version, last_id), "offset");
    response.set_header("Link", "<" + links["next"].get<std::string>() + ">; rel=\"next\"");
  }
  if (!page.after_id && slice.begin > 0) {
    const auto previous = slice.begin > static_cast<std::size_t>(page.limit) ? slice.begin - page.limit : 0;
    links["prev"] = link_with(request, "offset", std::to_string(previous), "cursor");
    response.set_header("Link", "<" + links["prev"].get<std::string>() + ">; rel=\"prev\"");
  }
  std::string& body = response.body;
  body.reserve((slice.end - slice.begin) * 1400 + source_json.size() + 512);
  body += "{\"data\":[";
  write_items(body);
  body += "],\"meta\":{\"total\":" + std::to_string(total) + ",\"limit\":" + std::to_string(page.limit) +
          ",\"offset\":" + std::to_string(slice.begin) + ",\"returned\":" + std::to_string(slice.end - slice.begin) +
          ",\"dataset_version\":\"" + std::string(dataset_version) + "\",\"source\":";
  body += source_json;
  body += "},\"links\":" + links.dump() + "}";
  return response;
}

}  // namespace hci::server
