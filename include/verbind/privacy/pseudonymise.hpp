// Pseudonymisation with a keyed hash (HMAC-SHA-256, libsodium).
//
// The construction, exactly (docs/privacy.md): the pseudonym of an actor key
// k is the lowercase hex of HMAC-SHA-256(secret, "verbind:actor:" + k), of
// an event key "verbind:event:" + k (RFC 2104 HMAC, the secret as the HMAC
// key, keys as their UTF-8 bytes): 64 hex characters. The same secret gives
// the same pseudonyms in every run and on every platform, so two exports
// can be joined by whoever holds the secret and by nobody else.
//
// The secret must be at least 32 bytes of high-entropy data (for example 32
// random bytes kept in a key store). A passphrase is not a secret: derive one
// from it with a password hash (libsodium's crypto_pwhash) first.
#pragma once

#include "verbind/model/network.hpp"

#include <string>
#include <string_view>

namespace verbind {

inline constexpr std::size_t min_secret_bytes = 32;

enum class KeyDomain { actor, event };

// The pseudonym of one key. Throws input_error for a secret shorter than
// min_secret_bytes, and for a key the Network would refuse (check_label:
// empty, not UTF-8, control characters, leading or trailing blanks). No
// message contains the secret.
std::string pseudonym(std::string_view secret, std::string_view key, KeyDomain domain = KeyDomain::actor);

// A copy of `network` in which every actor and event key is replaced by its
// pseudonym; everything else (attributes, ties, attendance, sensitive
// marks) is kept as it is, in the same order. Throws input_error for a
// short secret.
Network pseudonymise(const Network& network, std::string_view secret);

}  // namespace verbind
