// The social map: the algorithms of this folder applied to a Network and
// turned into entries that explain themselves. The composite for key figures
// is documented in docs/socialmap.md. The declared groups by community, the
// communities and the gaps are in social_map_groups.cpp.
#include "verbind/socialmap/social_map.hpp"

#include "social_map_parts.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/socialmap/brokerage.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/socialmap/structure.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace verbind {

namespace {

using social_map_detail::count_of;
using social_map_detail::fixed;
using social_map_detail::GroupMix;
using social_map_detail::MapData;

// The graph of the map: ties in the window, restricted to the area.
Graph map_graph(const Network& network, const SocialMapOptions& options) {
    ViewOptions view;
    view.start = options.start;
    view.end = options.end;
    view.include_sensitive = options.include_sensitive;
    if (!options.neighbourhood.empty()) view.neighbourhoods = {options.neighbourhood};
    Graph full = build_graph(network, view);
    if (options.municipality.empty()) return full;
    std::vector<NodeId> new_id(full.num_nodes(), no_id);
    std::vector<std::string> keys;
    for (NodeId u = 0; u < full.num_nodes(); ++u) {
        if (network.actor(full.key(u)).municipality == options.municipality) {
            new_id[u] = static_cast<NodeId>(keys.size());
            keys.push_back(full.key(u));
        }
    }
    if (keys.empty()) throw not_found_error("social_map: no actor in municipality '" + options.municipality + "'");
    const auto edges = full.edges();
    std::vector<NodeId> src, dst;
    std::vector<double> weight;
    for (std::size_t i = 0; i < edges.src.size(); ++i) {
        if (new_id[edges.src[i]] == no_id || new_id[edges.dst[i]] == no_id) continue;
        src.push_back(new_id[edges.src[i]]);
        dst.push_back(new_id[edges.dst[i]]);
        weight.push_back(edges.weight[i]);
    }
    return Graph::from_keyed_edges(std::move(keys), src, dst, weight);
}

// Sizes of the pieces of u's component once `removed` (a node) or the edge
// (removed, other) is taken out; the first element is the component's size
// before, the rest are the pieces.
std::vector<std::size_t> pieces_without(const Graph& g, NodeId removed, NodeId other, bool edge_only,
                                        std::vector<std::uint32_t>& mark, std::uint32_t& stamp) {
    std::vector<std::size_t> sizes;
    std::vector<NodeId> stack;
    auto cut = [&](NodeId a, NodeId b) {
        return edge_only && ((a == removed && b == other) || (a == other && b == removed));
    };
    auto flood = [&](NodeId s) {
        std::size_t size = 0;
        mark[s] = stamp;
        stack.push_back(s);
        while (!stack.empty()) {
            const NodeId v = stack.back();
            stack.pop_back();
            ++size;
            for (NodeId w : g.neighbors(v)) {
                if (mark[w] == stamp || cut(v, w) || (!edge_only && w == removed)) continue;
                mark[w] = stamp;
                stack.push_back(w);
            }
        }
        return size;
    };
    if (edge_only) {
        ++stamp;
        sizes.push_back(0);
        sizes.push_back(flood(removed));
        if (mark[other] != stamp) sizes.push_back(flood(other));
        sizes[0] = sizes[1] + (sizes.size() > 2 ? sizes[2] : 0);
        return sizes;
    }
    ++stamp;
    mark[removed] = stamp;
    sizes.push_back(1);
    for (NodeId w : g.neighbors(removed))
        if (mark[w] != stamp) sizes.push_back(flood(w));
    for (std::size_t i = 1; i < sizes.size(); ++i) sizes[0] += sizes[i];
    return sizes;
}
std::size_t cut_off(const std::vector<std::size_t>& sizes, bool edge_only) {
    // People outside the largest remaining piece lose their only connection.
    std::size_t largest = 0, rest = 0;
    for (std::size_t i = 1; i < sizes.size(); ++i) {
        rest += sizes[i];
        largest = std::max(largest, sizes[i]);
    }
    (void)edge_only;
    return rest - largest;
}
// Scratch for pieces_without, shared by the organisations and the fragile
// points and ties.
struct Flood {
    std::vector<std::uint32_t> mark;
    std::uint32_t stamp = 0;
};

// The actors and their declared groups, then betweenness, constraint and
// communities; betweenness is most of the work and each stage reports its
// share of [0, 1].
void measure(const Network& network, MapData& d, Progress& progress) {
    const std::size_t n = d.n;
    d.actor.resize(n);
    d.groups.resize(n);
    const Visible public_records(network, /*include_sensitive=*/false);
    for (NodeId u = 0; u < n; ++u) {
        d.actor[u] = &network.actor(d.g.key(u));
        d.groups[u] = public_records.groups(*d.actor[u]);  // special-category groups left out
        std::sort(d.groups[u].begin(), d.groups[u].end());
    }
    auto stage = [&progress](double from, double to) -> ProgressCallback {
        if (!progress.active()) return {};
        return [&progress, from, to](double fraction) {
            progress.report(from + (to - from) * fraction);
            return true;  // a cancel throws from report
        };
    };
    BetweennessOptions bo;
    bo.threads = d.options.threads;
    bo.progress = stage(0.0, 0.7);
    d.btw = betweenness(d.g, bo);
    BrokerageOptions ko;
    ko.threads = d.options.threads;
    d.cons = constraint(d.g, ko);
    progress.report(0.75);
    CommunityOptions co;
    co.seed = d.options.seed;
    co.threads = d.options.threads;
    co.progress = stage(0.75, 0.85);
    d.community = communities(d.g, co);
}

// --- key figures -----------------------------------------------------------
std::vector<KeyFigure> key_figures(const MapData& d) {
    const Graph& g = d.g;
    const std::size_t n = d.n;
    const auto& groups = d.groups;
    const auto& btw = d.btw;
    auto shares_group = [&](NodeId a, NodeId b) {
        for (const auto& x : groups[a])
            if (std::binary_search(groups[b].begin(), groups[b].end(), x)) return true;
        return false;
    };
    std::vector<std::size_t> reach2(n, 0), cross(n, 0);
    {
        std::vector<NodeId> mark(n, no_id);
        for (NodeId u = 0; u < n; ++u) {
            mark[u] = u;
            std::size_t count = 0;
            for (NodeId v : g.neighbors(u)) {
                if (mark[v] != u) mark[v] = u, ++count;
                for (NodeId w : g.neighbors(v))
                    if (mark[w] != u) mark[w] = u, ++count;
                if ((!groups[u].empty() || !groups[v].empty()) && !shares_group(u, v)) ++cross[u];
            }
            reach2[u] = count;
        }
    }
    const double max_reach = static_cast<double>(*std::max_element(reach2.begin(), reach2.end()));
    const double max_btw = *std::max_element(btw.begin(), btw.end());
    const double max_cross = static_cast<double>(*std::max_element(cross.begin(), cross.end()));
    auto part = [](double x, double max) { return max > 0 ? x / max : 0.0; };
    std::vector<NodeId> residents;
    for (NodeId u = 0; u < n; ++u)
        if (d.actor[u]->is_resident()) residents.push_back(u);
    std::vector<double> score(n, 0.0);
    for (NodeId u : residents)
        score[u] = (part(static_cast<double>(reach2[u]), max_reach) + part(btw[u], max_btw) +
                    part(static_cast<double>(cross[u]), max_cross)) /
                   3.0;
    auto by_score = residents;
    std::stable_sort(by_score.begin(), by_score.end(), [&](NodeId a, NodeId b) { return score[a] > score[b]; });
    std::vector<KeyFigure> out;
    for (std::size_t i = 0; i < std::min(d.options.top, by_score.size()); ++i) {
        const NodeId u = by_score[i];
        KeyFigure k;
        k.actor = g.key(u);
        k.score = score[u];
        k.two_hop_reach = reach2[u];
        k.betweenness = btw[u];
        k.cross_group_ties = cross[u];
        k.recognised = d.actor[u]->key_figure;
        k.trained = d.actor[u]->trained_on.has_value();
        k.why = "reaches " + count_of(reach2[u], "person", "people") +
                " within two steps (most: " + fixed(max_reach, 0) + "), lies on " + fixed(100 * btw[u], 1) +
                "% of shortest paths (most: " + fixed(100 * max_btw, 1) + "%), has " +
                count_of(cross[u], "tie", "ties") + " across declared groups; score " + fixed(k.score) +
                " = mean of the three, each divided by its maximum";
        if (!k.recognised)
            k.why += "; acts as a key figure but is not yet recognised as one";
        else if (!k.trained)
            k.why += "; recognised as key figure but not yet trained";
        out.push_back(std::move(k));
    }
    return out;
}

// --- brokers -------------------------------------------------------------------
std::vector<Broker> brokers(const MapData& d) {
    const Graph& g = d.g;
    const std::size_t n = d.n;
    const auto& cons = d.cons;
    const auto& btw = d.btw;
    const auto& community = d.community;
    std::vector<Broker> out;
    std::vector<double> finite;
    for (NodeId u = 0; u < n; ++u)
        if (!std::isnan(cons[u]) && g.degree(u) >= 2) finite.push_back(cons[u]);
    if (finite.empty()) return out;
    std::sort(finite.begin(), finite.end());
    const double median = finite[finite.size() / 2];
    std::vector<NodeId> candidates;
    for (NodeId u = 0; u < n; ++u)
        if (!std::isnan(cons[u]) && g.degree(u) >= 2 && cons[u] <= median && btw[u] > 0) candidates.push_back(u);
    // Brokers span communities: those whose ties reach several come first.
    auto spans = [&](NodeId u) {
        for (NodeId v : g.neighbors(u))
            if (community[v] != community[u]) return true;
        return false;
    };
    std::stable_sort(candidates.begin(), candidates.end(), [&](NodeId a, NodeId b) {
        const bool sa = spans(a), sb = spans(b);
        return sa != sb ? sa : btw[a] > btw[b];
    });
    for (std::size_t i = 0; i < std::min(d.options.top, candidates.size()); ++i) {
        const NodeId u = candidates[i];
        Broker b;
        b.actor = g.key(u);
        b.constraint = cons[u];
        b.betweenness = btw[u];
        std::set<std::uint32_t> seen;
        for (NodeId v : g.neighbors(u)) seen.insert(community[v]);
        seen.insert(community[u]);
        b.communities.assign(seen.begin(), seen.end());
        b.why = "constraint " + fixed(cons[u]) + " (median " + fixed(median) + ": lower means more open ties), on " +
                fixed(100 * btw[u], 1) + "% of shortest paths, ties into " +
                count_of(b.communities.size(), "community", "communities");
        out.push_back(std::move(b));
    }
    return out;
}

// --- organisations ---------------------------------------------------------------
// Residents of the pieces other than the largest once organisation o is taken
// out (its neighbours re-flooded, counting residents, not organisations).
std::size_t residents_cut_off(const MapData& d, NodeId o, Flood& flood) {
    const Graph& g = d.g;
    std::size_t disconnected = 0;
    const auto sizes = pieces_without(g, o, o, false, flood.mark, flood.stamp);
    // Residents outside the largest remaining piece.
    std::size_t largest_piece = 1;
    for (std::size_t i = 2; i < sizes.size(); ++i)
        if (sizes[i] > sizes[largest_piece]) largest_piece = i;
    auto& mark = flood.mark;
    const std::uint32_t stamp = ++flood.stamp;
    mark[o] = stamp;
    // Re-flood to count residents (not organisations) in the smaller pieces.
    std::vector<NodeId> stack;
    std::size_t piece = 0;
    for (NodeId w : g.neighbors(o)) {
        if (mark[w] == stamp) continue;
        ++piece;
        std::size_t residents_here = 0;
        mark[w] = stamp;
        stack.push_back(w);
        while (!stack.empty()) {
            const NodeId v = stack.back();
            stack.pop_back();
            if (d.actor[v]->is_resident()) ++residents_here;
            for (NodeId x : g.neighbors(v))
                if (mark[x] != stamp && x != o) mark[x] = stamp, stack.push_back(x);
        }
        if (piece != largest_piece) disconnected += residents_here;
    }
    return disconnected;
}

// Pairs of the residents tied to o that are within two steps only through it.
// `near` is scratch of n entries, all no_id (and left so).
std::size_t pairs_only_through(const Graph& g, NodeId o, const std::vector<NodeId>& tied, std::vector<NodeId>& near) {
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < tied.size(); ++i) {
        const NodeId u = tied[i];
        near[u] = u;
        for (NodeId w : g.neighbors(u)) near[w] = u;
        for (std::size_t j = i + 1; j < tied.size(); ++j) {
            const NodeId v = tied[j];
            if (near[v] == u) continue;  // tied directly
            bool other_route = false;
            for (NodeId w : g.neighbors(v))
                if (w != o && near[w] == u) {
                    other_route = true;
                    break;
                }
            if (!other_route) ++pairs;
        }
        near[u] = no_id;
        for (NodeId w : g.neighbors(u)) near[w] = no_id;
    }
    return pairs;
}

std::vector<OrganisationRole> organisations(const MapData& d, Flood& flood) {
    const Graph& g = d.g;
    std::vector<OrganisationRole> out;
    std::vector<NodeId> near(d.n, no_id);
    for (NodeId o = 0; o < d.n; ++o) {
        if (d.actor[o]->is_resident()) continue;
        OrganisationRole r;
        r.actor = g.key(o);
        r.kind = d.actor[o]->kind;
        std::vector<NodeId> tied;
        for (NodeId v : g.neighbors(o))
            if (d.actor[v]->is_resident()) tied.push_back(v);
        r.residents_tied = tied.size();
        if (g.degree(o) > 0) r.disconnected_without = residents_cut_off(d, o, flood);
        r.pairs_far_apart_without = pairs_only_through(g, o, tied, near);
        r.why = "tied to " + count_of(r.residents_tied, "resident", "residents") + "; if it withdrew, " +
                count_of(r.disconnected_without, "resident", "residents") + " would be cut off from the rest and " +
                count_of(r.pairs_far_apart_without, "pair", "pairs") +
                " of its residents would no longer be within two steps of each other";
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.disconnected_without, a.pairs_far_apart_without, a.residents_tied) >
               std::tie(b.disconnected_without, b.pairs_far_apart_without, b.residents_tied);
    });
    return out;
}

// --- fragile points and ties ----------------------------------------------------------
void fragile(const MapData& d, Flood& flood, SocialMap& map) {
    const Graph& g = d.g;
    const std::size_t top = d.options.top;
    for (NodeId a : articulation_points(g)) {
        const auto sizes = pieces_without(g, a, a, false, flood.mark, flood.stamp);
        FragilePoint p;
        p.actor = g.key(a);
        p.cut_off = cut_off(sizes, false);
        p.why = "holds together " + count_of(sizes.size() - 1, "part", "parts") + " of a group of " +
                std::to_string(sizes[0]) + "; without them " + count_of(p.cut_off, "person", "people") +
                " lose their only connection to the rest";
        map.fragile_points.push_back(std::move(p));
    }
    std::stable_sort(map.fragile_points.begin(), map.fragile_points.end(),
                     [](const auto& x, const auto& y) { return x.cut_off > y.cut_off; });
    if (map.fragile_points.size() > top) map.fragile_points.resize(top);
    for (auto [u, v] : bridges(g)) {
        const auto sizes = pieces_without(g, u, v, true, flood.mark, flood.stamp);
        FragileTie t;
        t.a = g.key(u);
        t.b = g.key(v);
        t.cut_off = cut_off(sizes, true);
        t.why = "the only tie between a part of " + std::to_string(sizes[1]) + " and a part of " +
                std::to_string(sizes.size() > 2 ? sizes[2] : 0) + "; if it ended, " +
                count_of(t.cut_off, "person", "people") + " would lose their only connection to the rest";
        map.fragile_ties.push_back(std::move(t));
    }
    std::stable_sort(map.fragile_ties.begin(), map.fragile_ties.end(),
                     [](const auto& x, const auto& y) { return x.cut_off > y.cut_off; });
    if (map.fragile_ties.size() > top) map.fragile_ties.resize(top);
}

}  // namespace

void SocialMapOptions::validate() const {
    if (top == 0) throw input_error("social_map: top must be at least 1");
    check_min_cell(min_cell, "social_map");
}

SocialMap social_map(const Network& network, const SocialMapOptions& options) {
    options.validate();
    SuppressionOptions suppression;
    suppression.min_cell = options.min_cell;
    const Graph g = map_graph(network, options);
    SocialMap map;
    map.people = g.num_nodes();
    map.ties = g.num_edges();
    if (g.num_nodes() == 0) return map;

    MapData d{g, options};
    d.n = g.num_nodes();
    Progress progress(options.progress);
    measure(network, d, progress);
    map.modularity = g.num_edges() > 0 ? modularity(g, d.community) : 0.0;
    map.key_figures = key_figures(d);
    map.brokers = brokers(d);
    Flood flood;
    flood.mark.assign(d.n, 0);
    map.organisations = organisations(d, flood);
    progress.report(0.95);
    fragile(d, flood, map);
    const GroupMix groups = social_map_detail::group_mix(d, suppression);
    map.communities = social_map_detail::community_summaries(d, groups);
    map.gaps = social_map_detail::gaps(d, groups, suppression);
    progress.report(1.0);
    return map;
}

}  // namespace verbind
