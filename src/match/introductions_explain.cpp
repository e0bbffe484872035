// Introductions after the b-matching (introductions.cpp): the fair spread
// over declared groups, and each suggestion's shared talents, bridges and
// introducers (docs/match.md, "Who could introduce them").
#include "introductions_parts.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace verbind {

namespace match_detail {

// With a limit: each declared group (and "no declared group") gets
// suggestions in proportion to its number of members in scope: repeatedly
// the group with the lowest served/members ratio takes its best remaining
// suggestion. `chosen` is ordered best first.
std::vector<Candidate> spread_over_groups(const Context& c, const std::vector<Candidate>& chosen, std::size_t limit) {
    if (chosen.size() <= limit) return chosen;
    const std::uint32_t none = static_cast<std::uint32_t>(c.group_names.size());
    const std::size_t num_groups = c.group_names.size() + 1;
    std::vector<double> members(num_groups, 0.0);
    for (ActorId u = 0; u < c.in_scope.size(); ++u) {
        if (!c.in_scope[u]) continue;
        if (c.groups[u].empty())
            members[none] += 1.0;
        else
            for (auto g : c.groups[u]) members[g] += 1.0;
    }
    std::vector<std::vector<std::size_t>> queue(num_groups);  // suggestion indices, best first
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        std::vector<std::uint32_t> touched;
        for (ActorId u : {chosen[k].a, chosen[k].b}) {
            if (c.groups[u].empty())
                touched.push_back(none);
            else
                touched.insert(touched.end(), c.groups[u].begin(), c.groups[u].end());
        }
        for (auto g : sorted_unique(std::move(touched))) queue[g].push_back(k);
    }
    std::vector<std::size_t> head(num_groups, 0);
    std::vector<double> served(num_groups, 0.0);
    std::vector<char> taken(chosen.size(), 0);
    std::vector<std::size_t> picked;
    while (picked.size() < limit) {
        std::size_t best = num_groups;
        for (std::size_t g = 0; g < num_groups; ++g) {
            while (head[g] < queue[g].size() && taken[queue[g][head[g]]]) ++head[g];
            if (head[g] == queue[g].size()) continue;
            if (best == num_groups || served[g] * members[best] < served[best] * members[g] ||
                (served[g] * members[best] == served[best] * members[g] && members[g] > members[best]))
                best = g;
        }
        if (best == num_groups) break;
        const std::size_t k = queue[best][head[best]];
        taken[k] = 1;
        picked.push_back(k);
        for (ActorId u : {chosen[k].a, chosen[k].b}) {
            if (c.groups[u].empty())
                served[none] += 1.0;
            else
                for (auto g : c.groups[u]) served[g] += 1.0;
        }
    }
    std::sort(picked.begin(), picked.end());
    std::vector<Candidate> result;
    for (auto k : picked) result.push_back(chosen[k]);
    return result;
}

Introduction explain(const Context& c, const Candidate& pick) {
    const Network& net = c.network;
    // a is a resident; with two residents, the one added first.
    ActorId a = pick.a, b = pick.b;
    if (!c.resident(a)) std::swap(a, b);
    Introduction intro;
    intro.a = net.actor(a).key;
    intro.b = net.actor(b).key;
    intro.score = pick.score;
    std::vector<TagId> shared;
    std::set_intersection(c.tags[a].begin(), c.tags[a].end(), c.tags[b].begin(), c.tags[b].end(),
                          std::back_inserter(shared));
    for (TagId t : shared) intro.shared_talents.push_back(c.tag_names.name(t));
    std::sort(intro.shared_talents.begin(), intro.shared_talents.end());
    std::vector<std::uint32_t> differ;
    std::set_symmetric_difference(c.groups[a].begin(), c.groups[a].end(), c.groups[b].begin(), c.groups[b].end(),
                                  std::back_inserter(differ));
    for (auto g : differ) intro.bridges.push_back(c.group_names.name(g));
    std::sort(intro.bridges.begin(), intro.bridges.end());
    if (c.community[a] != c.community[b]) {
        intro.bridges.push_back("community " + std::to_string(c.community[a]));
        intro.bridges.push_back("community " + std::to_string(c.community[b]));
    }
    // Who could introduce them: mutual contacts (key figures first, then by
    // key), shared organisations (smallest circle first, then by key), key
    // figures active in both neighbourhoods (by key); three at most, nobody
    // twice.
    std::vector<ActorId> common, contacts, organisations;
    std::set_intersection(c.ties.neighbors(a).begin(), c.ties.neighbors(a).end(), c.ties.neighbors(b).begin(),
                          c.ties.neighbors(b).end(), std::back_inserter(common));
    for (ActorId w : common)
        if (net.actor(w).is_resident()) contacts.push_back(w);
    std::set_intersection(c.orgs[a].begin(), c.orgs[a].end(), c.orgs[b].begin(), c.orgs[b].end(),
                          std::back_inserter(organisations));
    std::erase_if(organisations, [&](ActorId w) { return w == a || w == b; });
    const auto by_key = [&](ActorId x, ActorId y) { return net.actor(x).key < net.actor(y).key; };
    std::sort(contacts.begin(), contacts.end(), [&](ActorId x, ActorId y) {
        if (net.actor(x).key_figure != net.actor(y).key_figure) return net.actor(x).key_figure;
        return by_key(x, y);
    });
    // The smallest circle first: a club of twenty knows its people better
    // than a municipality whose event three hundred attended.
    std::sort(organisations.begin(), organisations.end(), [&](ActorId x, ActorId y) {
        if (c.circle[x] != c.circle[y]) return c.circle[x] < c.circle[y];
        return by_key(x, y);
    });
    std::vector<ActorId> named;
    const auto add = [&](ActorId w, ViaKind kind) {
        if (intro.via.size() == 3 || std::find(named.begin(), named.end(), w) != named.end()) return;
        named.push_back(w);
        intro.via.push_back(net.actor(w).key);
        intro.via_kinds.push_back(kind);
    };
    for (ActorId w : contacts) add(w, ViaKind::mutual_contact);
    for (ActorId w : organisations) add(w, ViaKind::shared_organisation);
    if (const auto* figures = c.key_figures_of(a, b))
        for (ActorId w : *figures)
            if (w != a && w != b) add(w, ViaKind::key_figure);
    return intro;
}

}  // namespace match_detail

std::string_view to_string(ViaKind kind) noexcept {
    switch (kind) {
        case ViaKind::mutual_contact: return "mutual contact";
        case ViaKind::shared_organisation: return "shared organisation";
        case ViaKind::key_figure: return "key figure in both neighbourhoods";
    }
    return "";
}

std::string_view to_identifier(ViaKind kind) noexcept {
    switch (kind) {
        case ViaKind::mutual_contact: return "mutual_contact";
        case ViaKind::shared_organisation: return "shared_organisation";
        case ViaKind::key_figure: return "key_figure";
    }
    return "";
}

}  // namespace verbind
