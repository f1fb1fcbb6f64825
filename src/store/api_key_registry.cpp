// Store: API keys, kept as hashes, revoked by name.

#include "core/error.hpp"
#include "store/store.hpp"

namespace hci::store {

void Store::add_api_key(const ApiKeyRecord& key) {
  require_schema();
  if (query_integer(*connection_, "SELECT 1 FROM api_keys WHERE name = ? AND revoked_at IS NULL", {key.name})) {
    throw Error(ErrorCode::conflict, "an active API key named '" + key.name + "' already exists");
  }
  run(*connection_, "INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
      {key.name, key.prefix, key.key_hash, key.scopes, utc_timestamp_now()});
}

std::vector<ApiKeyRecord> Store::list_api_keys() {
  require_schema();
  std::vector<ApiKeyRecord> keys;
  for_each_row(*connection_,
               "SELECT name, prefix, key_hash, scopes, created_at, coalesce(revoked_at, '') FROM api_keys ORDER BY id",
               {}, [&](const SqlRow& row) {
                 keys.push_back(ApiKeyRecord{row.string(0), row.string(1), row.string(2), row.string(3), row.string(4),
                                             row.string(5)});
               });
  return keys;
}

bool Store::revoke_api_key(std::string_view name) {
  require_schema();
  return query_integer(*connection_,
                       "UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL RETURNING 1",
                       {utc_timestamp_now(), name})
      .has_value();
}

}  // namespace hci::store
