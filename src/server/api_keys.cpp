#include "server/api_keys.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace hci::server {

namespace {

constexpr std::array kScopes{Scope::read, Scope::predict, Scope::export_data, Scope::admin};

}  // namespace

ScopeSet parse_scopes(std::string_view text) {
  ScopeSet scopes = 0;
  while (true) {
    const size_t comma = text.find(',');
    const std::string_view name = trim(text.substr(0, comma));
    bool known = false;
    for (Scope scope : kScopes) {
      if (scope_name(scope) == name) {
        scopes |= scope_bit(scope);
        known = true;
      }
    }
    if (!known) {
      throw Error(ErrorCode::invalid_input,
                  "unknown scope '" + std::string(name) + "': use read, predict, export, admin");
    }
    if (comma == std::string_view::npos) return scopes;
    text = text.substr(comma + 1);
  }
}

std::string scopes_text(ScopeSet scopes) {
  std::string text;
  for (Scope scope : kScopes) {
    if (scopes & scope_bit(scope)) text += (text.empty() ? "" : ",") + std::string(scope_name(scope));
  }
  return text;
}

IssuedKey issue_api_key(std::string_view name, ScopeSet scopes) {
  std::array<unsigned char, 32> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    throw Error(ErrorCode::internal, "the system random generator failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string secret = "hci_";
  for (unsigned char byte : random) {
    secret += kHex[byte >> 4];
    secret += kHex[byte & 15];
  }
  ApiKeyRecord record{std::string(name), secret.substr(0, 12), sha256_hex(secret), scopes_text(scopes), "", ""};
  return {std::move(secret), std::move(record)};
}

KeyRing::KeyRing(const std::vector<ApiKeyRecord>& keys) {
  for (const auto& key : keys) {
    if (key.revoked_at.empty()) keys_.push_back({key.name, key.key_hash, parse_scopes(key.scopes)});
  }
}

std::optional<Principal> KeyRing::authenticate(std::string_view secret) const {
  const std::string hash = sha256_hex(secret);
  const ActiveKey* found = nullptr;
  for (const auto& key : keys_) {
    if (key.hash.size() == hash.size() && CRYPTO_memcmp(key.hash.data(), hash.data(), hash.size()) == 0) found = &key;
  }
  if (found == nullptr) return std::nullopt;
  return Principal{found->name, found->scopes};
}

}  // namespace hci::server
