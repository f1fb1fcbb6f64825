#pragma once
// An API key as the store keeps it: a name, scopes and the key's hash, never the key itself.

#include <string>

namespace hci {

/// One issued API key. `key_hash` is the hex SHA-256 of the secret; `prefix` its first characters,
/// shown in listings so an operator can recognise a key without the store ever holding it.
struct ApiKeyRecord {
  std::string name;
  std::string prefix;
  std::string key_hash;
  std::string scopes;  // comma-separated: read, predict, export, admin
  std::string created_at;
  std::string revoked_at;  // ISO 8601 UTC, empty while the key is valid
};

}  // namespace hci
