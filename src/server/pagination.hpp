#pragma once
// Pages of a list: limit with offset or an opaque cursor, the list envelope, and the next/prev links.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "server/http_message.hpp"
#include "server/query_params.hpp"

namespace hci::server {

/// The largest page a client may ask for (DESIGN.md: default 50, max 1000).
inline constexpr std::int64_t kMaxPageSize = 1000;

/// Which page a client asked for. A cursor names the last item of the previous page.
struct PageRequest {
  std::int64_t limit = 50;
  std::int64_t offset = 0;
  std::optional<std::string> after_id;  // decoded from ?cursor=
};

/// limit (1..1000, default 50), offset and cursor, as every paged list declares them.
std::span<const QueryParameter> page_parameters();

/// Reads limit, offset and cursor (a cursor and an offset together are an error).
PageRequest read_page_request(QueryReader& query, std::string_view dataset_version);

/// The slice of a result the page covers.
struct PageSlice {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Resolves a page against `total` items; `id_at(i)` gives the id of item i (used to find a cursor's
/// position). Throws RequestError(400) when the cursor's item is not in the result any more.
PageSlice slice_page(const PageRequest& page, std::size_t total,
                     const std::function<std::string_view(std::size_t)>& id_at);

/// An opaque cursor for "after this id" in this dataset version.
std::string encode_cursor(std::string_view dataset_version, std::string_view id);

/// Appends the comma-joined JSON items of a page to the body being built.
using ItemWriter = std::function<void(std::string& body)>;

/// Builds a list response: {"data": [items], "meta": {...}, "links": {...}}, with an RFC 8288 Link header.
/// `write_items` appends the items straight into the body; `source_json` is the rendered meta.source.
HttpResponse list_response(const HttpRequest& request, const ItemWriter& write_items, std::size_t total,
                           const PageRequest& page, const PageSlice& slice, std::string_view dataset_version,
                           std::string_view source_json, std::string_view last_id);

/// The request's path and query with `name` set to `value` (and `drop` removed), for links.
std::string link_with(const HttpRequest& request, std::string_view name, std::string_view value, std::string_view drop);

}  // namespace hci::server
