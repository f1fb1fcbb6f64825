#pragma once
// The server's log format: one JSON object per line, {"ts", "level", then the message's own fields}.

#include <string>
#include <string_view>

namespace hci::server {

/// Makes every spdlog line a JSON object with `ts` (UTC, ms) and `level`; messages then carry their
/// other fields as JSON members, e.g. R"("msg":"reloaded","dataset_version":"...")".
void use_json_log_lines();

/// A JSON string literal (quoted and escaped; invalid UTF-8 replaced) for hand-built log fields.
std::string json_quote(std::string_view text);

}  // namespace hci::server
