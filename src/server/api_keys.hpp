#pragma once
// API keys: issuing (the secret is shown once, only its SHA-256 is stored) and checking presented keys.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_key.hpp"
#include "server/router.hpp"

namespace hci::server {

/// A set of scopes as bits.
using ScopeSet = unsigned;

/// The bit of one scope.
constexpr ScopeSet scope_bit(Scope scope) { return 1u << static_cast<unsigned>(scope); }

/// Parses "read,predict,export,admin"; throws Error(invalid_input) naming an unknown scope.
ScopeSet parse_scopes(std::string_view text);

/// The comma-separated names of a scope set, in canonical order.
std::string scopes_text(ScopeSet scopes);

/// A new key: the secret to show once, and the record to store (hash and prefix only).
struct IssuedKey {
  std::string secret;
  ApiKeyRecord record;
};

/// Generates a key with 256 random bits (OpenSSL RAND_bytes).
IssuedKey issue_api_key(std::string_view name, ScopeSet scopes);

/// Who made a request.
struct Principal {
  std::string name;  // key name, or empty for an anonymous caller
  ScopeSet scopes = 0;
};

/// The active keys, checked in constant time. Immutable once built; share it read-only between threads.
class KeyRing {
 public:
  /// Keeps the keys that are not revoked.
  explicit KeyRing(const std::vector<ApiKeyRecord>& keys);
  /// The principal of a presented secret, or nullopt when no active key has it. Every stored hash is
  /// compared with CRYPTO_memcmp, so timing does not reveal how much of a hash matched.
  std::optional<Principal> authenticate(std::string_view secret) const;
  /// How many active keys there are.
  std::size_t size() const { return keys_.size(); }

 private:
  struct ActiveKey {
    std::string name;
    std::string hash;
    ScopeSet scopes;
  };
  std::vector<ActiveKey> keys_;
};

}  // namespace hci::server
