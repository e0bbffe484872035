#include "verbind/privacy/pseudonymise.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"

#include <sodium.h>

namespace verbind {

namespace {

void check_secret(std::string_view secret) {
    if (secret.size() < min_secret_bytes)
        throw input_error("pseudonymise: the secret has " + std::to_string(secret.size()) +
                          " bytes, needs at least " + std::to_string(min_secret_bytes) +
                          " (use 32 random bytes, or derive them from a passphrase with a password hash first)");
    static const int ready = sodium_init();
    if (ready < 0) throw error("pseudonymise: libsodium could not be initialised");
}

std::string hmac_hex(std::string_view secret, std::string_view domain, std::string_view key) {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, digest);
    sodium_memzero(&state, sizeof state);
    char hex[2 * crypto_auth_hmacsha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, 2 * crypto_auth_hmacsha256_BYTES);
}

constexpr std::string_view domain_text(KeyDomain domain) {
    return domain == KeyDomain::actor ? "verbind:actor:" : "verbind:event:";
}

}  // namespace

std::string pseudonym(std::string_view secret, std::string_view key, KeyDomain domain) {
    check_secret(secret);
    // Only a key the Network would take has a pseudonym: an empty key (or
    // one with control characters, blanks at its ends, bad UTF-8) names
    // nobody, and hashing it would hide the mistake.
    check_label(key, domain == KeyDomain::actor ? "pseudonym: actor key" : "pseudonym: event key");
    return hmac_hex(secret, domain_text(domain), key);
}

Network pseudonymise(const Network& network, std::string_view secret) {
    check_secret(secret);
    std::vector<std::string> actor_key;
    actor_key.reserve(network.num_actors());
    Network out;
    for (const auto& actor : network.actors()) {
        actor_key.push_back(hmac_hex(secret, domain_text(KeyDomain::actor), actor.key));
        if (actor.is_resident())
            out.add_resident(actor_key.back(), {actor.neighbourhood, actor.municipality, actor.talents, actor.groups,
                                                actor.key_figure, actor.trained_on});
        else
            out.add_organisation(actor_key.back(),
                                 {actor.kind, actor.neighbourhood, actor.municipality, actor.talents});
    }
    for (const auto& tie : network.ties())
        out.add_tie(actor_key[tie.a], actor_key[tie.b], network.tie_kind(tie), {tie.since, tie.until, tie.weight});
    std::vector<std::string> event_key;
    event_key.reserve(network.num_events());
    for (const auto& event : network.events()) {
        event_key.push_back(hmac_hex(secret, domain_text(KeyDomain::event), event.key));
        EventInfo info{event.date, event.kind, event.neighbourhood, event.municipality, {}};
        for (ActorId id : event.organisers) info.organisers.push_back(actor_key[id]);
        out.add_event(event_key.back(), info);
    }
    for (const auto& record : network.attendance())
        out.attend(event_key[record.event], actor_key[record.actor],
                   record.brought_by == no_id ? std::string_view() : std::string_view(actor_key[record.brought_by]));
    for (const auto& group : network.sensitive_groups()) out.mark_sensitive(group);
    for (const auto& kind : network.sensitive_tie_kinds()) out.mark_sensitive_tie_kind(kind);
    for (const auto& event : network.sensitive_events()) out.mark_sensitive_event(event_key[network.event_id(event)]);
    return out;
}

}  // namespace verbind
