// Internal to match (introductions.cpp, introductions_explain.cpp): what
// the scoring computes once about the Network (Context), the candidate
// pairs, and the steps after the b-matching.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/network.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace verbind::match_detail {

using TagId = std::uint32_t;

struct Candidate {
    ActorId a = no_id, b = no_id;  // a < b
    double score = 0.0;
};

// Interns strings to dense ids in first-seen order.
class Interner {
public:
    std::uint32_t id(const std::string& s) {
        const auto [it, added] = index_.emplace(s, static_cast<std::uint32_t>(names_.size()));
        if (added) names_.push_back(s);
        return it->second;
    }
    const std::string& name(std::uint32_t id) const { return names_[id]; }
    std::size_t size() const noexcept { return names_.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<std::string> names_;
};

inline std::vector<std::uint32_t> sorted_unique(std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

// Everything the scoring needs, computed once.
struct Context {
    const Network& network;
    const IntroductionOptions& options;
    Graph ties;                                                       // the window's ties, node = ActorId
    std::vector<std::uint32_t> community;                             // per actor
    std::vector<char> in_scope;                                       // per actor
    std::vector<std::vector<TagId>> tags;                             // per actor, sorted
    std::vector<std::vector<std::uint32_t>> groups;                   // per actor, non-sensitive, sorted
    std::vector<std::uint32_t> municipality;                          // per actor
    std::vector<double> idf;                                          // per tag
    std::unordered_map<std::uint64_t, std::vector<ActorId>> buckets;  // (municipality, tag) -> actors
    // Introducers (docs/match.md, "Who could introduce them").
    std::vector<std::vector<ActorId>> orgs;  // per actor: organisations tied to or met at events, sorted
    std::vector<std::uint32_t> circle;       // per organisation: how many actors have it in orgs
    std::vector<std::uint32_t> place;        // per actor: (municipality, neighbourhood) id, no_id: unknown
    // (place, place) with the smaller first -> up to five key figures active
    // in both, in key order (five: after leaving out the pair itself and up
    // to three already named as mutual contacts, some remain).
    std::unordered_map<std::uint64_t, std::vector<ActorId>> key_figures;
    Interner tag_names, group_names, municipality_names;

    Context(const Network& net, const IntroductionOptions& opts) : network(net), options(opts) {}

    // What the hot loop reads about each actor, packed so that one pair
    // costs few cache misses: the id of the actor's set of declared groups
    // (equal ids: equal sets), its community, and flags.
    struct Compact {
        std::uint32_t group_set = 0;
        std::uint32_t community = 0;
        std::uint32_t tag_begin = 0, tag_end = 0;  // into flat_tags
        bool in_scope = false;
        bool resident = false;
    };
    std::vector<Compact> compact;
    std::vector<TagId> flat_tags;
    std::vector<const std::vector<ActorId>*> flat_buckets;  // parallel to flat_tags

    bool resident(ActorId u) const { return compact[u].resident; }
    static std::uint64_t bucket_key(std::uint32_t muni, TagId t) { return std::uint64_t{muni} << 32 | t; }
    const std::vector<ActorId>* key_figures_of(ActorId u, ActorId v) const {
        const std::uint32_t p = place[u], q = place[v];
        if (p == no_id || q == no_id) return nullptr;
        const auto it = key_figures.find(std::uint64_t{std::min(p, q)} << 32 | std::max(p, q));
        return it == key_figures.end() ? nullptr : &it->second;
    }
};

// With a limit: the suggestions spread over declared groups, in proportion
// to their members in scope (introductions_explain.cpp).
std::vector<Candidate> spread_over_groups(const Context& c, const std::vector<Candidate>& chosen, std::size_t limit);

// A chosen pair as the suggestion the caller sees: shared talents, bridges
// and who could introduce them (introductions_explain.cpp).
Introduction explain(const Context& c, const Candidate& pick);

}  // namespace verbind::match_detail
