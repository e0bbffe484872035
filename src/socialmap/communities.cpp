// Leiden (Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing
// well-connected communities", Sci. Rep. 9:5233, 2019) and Louvain (Blondel,
// Guillaume, Lambiotte & Lefebvre, J. Stat. Mech. 2008) for modularity with a
// resolution parameter, and Newman-Girvan modularity as networkx computes it.
//
// Both methods run sequentially: one random stream drives the node orders and
// the refinement's random choices, so labels depend on the seed only and never
// on `threads` (which is accepted for API symmetry and documented as unused).
#include "verbind/socialmap/communities.hpp"

#include "leiden_parts.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/labels.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <type_traits>

namespace verbind {

namespace {

using namespace leiden_detail;

// The first level: the graph itself (unit weights when it has none).
Level level_from_graph(const Graph& graph) {
    Level level;
    const std::size_t n = graph.num_nodes();
    level.offsets.resize(n + 1);
    level.targets.reserve(graph.num_edges() * 2);
    level.strength.assign(n, 0.0);
    graph.visit_weights([&](auto weights) {
        constexpr bool weighted = !std::is_same_v<decltype(weights), std::nullptr_t>;
        level.unit = !weighted;
        if constexpr (weighted) level.weights.reserve(graph.num_edges() * 2);
        for (NodeId u = 0; u < n; ++u) {
            level.offsets[u] = level.targets.size();
            double sum = 0.0;
            for (ArcId a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
                double w = 1.0;
                if constexpr (weighted) {
                    w = weights[a];
                    level.weights.push_back(w);
                }
                level.targets.push_back(graph.arc_target(a));
                sum += w;
            }
            level.strength[u] = sum;
        }
    });
    level.offsets[n] = level.targets.size();
    return level;
}

// Labels 0..k-1 in order of each community's lowest node index.
std::vector<NodeId> renumber(const std::vector<NodeId>& labels) {
    constexpr NodeId none = ~NodeId{0};
    NodeId largest = 0;
    for (NodeId l : labels) largest = std::max(largest, l);
    std::vector<NodeId> dense(labels.empty() ? 0 : std::size_t{largest} + 1, none);
    std::vector<NodeId> out(labels.size());
    NodeId next = 0;
    for (std::size_t v = 0; v < labels.size(); ++v) {
        if (dense[labels[v]] == none) dense[labels[v]] = next++;
        out[v] = dense[labels[v]];
    }
    return out;
}

// One pass of Leiden or Louvain from `labels` (a partition of the original
// nodes with ids < n). Returns whether the partition changed.
bool one_pass(const Level& base, std::vector<NodeId>& labels, bool leiden, double gamma_over_2m, Rng& rng,
              Heartbeat& beat) {
    Level owned;
    const Level* current = &base;                // the current aggregate graph
    std::vector<NodeId> node_of(labels.size());  // original node -> aggregate node
    std::iota(node_of.begin(), node_of.end(), NodeId{0});
    std::vector<NodeId> cluster = labels;  // partition of aggregate nodes
    bool changed = false;
    int stalled = 0;  // rounds in a row whose aggregate did not shrink
    for (;;) {
        const Level& level = *current;
        const bool moved = with_weights(level, [&](auto weights) {
            return move_nodes_fast(level, weights, cluster, gamma_over_2m, rng, beat);
        });
        changed = changed || moved;
        std::size_t clusters = 0;
        {
            std::vector<char> used(level.size(), 0);
            for (NodeId c : cluster)
                if (!used[c]) used[c] = 1, ++clusters;
        }
        if (clusters == level.size()) break;  // every cluster is one aggregate node

        std::vector<NodeId> new_id;
        Level next;
        std::vector<NodeId> next_cluster;
        if (leiden) {
            with_weights(level, [&](auto weights) {
                const std::vector<NodeId> refined = refine(level, weights, cluster, gamma_over_2m, beat, rng);
                next = aggregate(level, weights, refined, new_id);
            });
            // A refinement that merges nothing leaves the aggregate as large
            // as the level, and without a move the next round would be this
            // one again, for ever (ties of weight 0 and 5e-324, found by
            // fuzz_capi_arrays): stop here. Moves that never let the graph
            // shrink get one more round.
            stalled = next.size() == level.size() ? stalled + 1 : 0;
            if (stalled > 0 && (!moved || stalled > 1)) break;
            next_cluster.assign(next.size(), 0);
            for (NodeId v = 0; v < level.size(); ++v) next_cluster[new_id[v]] = cluster[v];
            // Cluster ids must stay below the new level's size.
            std::vector<NodeId> dense = renumber(next_cluster);
            next_cluster = std::move(dense);
        } else {
            with_weights(level, [&](auto weights) { next = aggregate(level, weights, cluster, new_id); });
            next_cluster.resize(next.size());
            std::iota(next_cluster.begin(), next_cluster.end(), NodeId{0});
        }
        for (NodeId& a : node_of) a = new_id[a];
        owned = std::move(next);
        current = &owned;
        cluster = std::move(next_cluster);
        if (owned.size() == 1) break;
    }
    std::vector<NodeId> result(labels.size());
    for (std::size_t v = 0; v < labels.size(); ++v) result[v] = cluster[node_of[v]];
    result = renumber(result);
    if (result != renumber(labels)) changed = true;
    labels = std::move(result);
    return changed;
}

// The modularity of `labels` times 2m: the weight of arcs inside communities
// less gamma / 2m times the sum of squared community strengths.
double quality(const Level& level, const std::vector<NodeId>& labels, double gamma_over_2m) {
    const std::size_t n = level.size();
    std::vector<double> strength(n, 0.0);
    double inside = 0.0;
    with_weights(level, [&](auto weights) {
        for (NodeId v = 0; v < n; ++v) {
            const NodeId c = labels[v];
            strength[c] += level.strength[v];
            for (std::size_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a)
                if (labels[level.targets[a]] == c) inside += weights[a];
        }
    });
    double squares = 0.0;
    for (double k : strength) squares += k * k;
    return inside - gamma_over_2m * squares;
}

}  // namespace

void CommunityOptions::validate() const {
    if (!(resolution > 0) || !std::isfinite(resolution))
        throw input_error("communities: resolution must be a positive finite number, got " +
                          std::to_string(resolution));
}

std::vector<std::uint32_t> communities(const Graph& graph, const CommunityOptions& options) {
    if (graph.directed())
        throw input_error("communities: the graph is directed; community detection needs an undirected graph");
    options.validate();
    const std::size_t n = graph.num_nodes();
    Progress progress(options.progress);
    std::vector<NodeId> labels(n);
    std::iota(labels.begin(), labels.end(), NodeId{0});
    const Level base = level_from_graph(graph);
    double two_m = 0.0;
    for (double k : base.strength) two_m += k;
    if (two_m <= 0.0) {
        progress.report(1.0);
        return labels;
    }
    const double gamma_over_2m = options.resolution / two_m;
    Rng rng(seed_or_default(options.seed), 0);
    const bool leiden = options.method == CommunityMethod::leiden;
    // Leiden is run twice, each pass starting from the previous result, as
    // igraph's default (n_iterations=2), and a third time when the second
    // raised the modularity by more than 0.001. A further pass never lowers
    // the quality (paper, "Guarantees"). On real networks the second pass
    // adds less than 1e-3 (facebook_combined: 4e-4); on graphs without
    // communities each pass adds a little (Barabasi-Albert, 240k nodes, 1.2M
    // edges: 0.263, 0.292, 0.295, 0.297, ...), and two passes stayed below
    // leidenalg's modularity there by 0.003 (benchmarks/socialmap).
    const int max_passes = leiden ? 3 : 1;
    double before = 0.0;
    for (int pass = 0; pass < max_passes; ++pass) {
        Heartbeat beat{progress, static_cast<double>(pass) / max_passes};
        progress.report(beat.at);
        if (!one_pass(base, labels, leiden, gamma_over_2m, rng, beat)) break;
        if (pass == 0) before = quality(base, labels, gamma_over_2m);
        if (pass == 1 && !(quality(base, labels, gamma_over_2m) - before > 1e-3 * two_m)) break;
    }
    progress.report(1.0);
    return labels;
}

double modularity(const Graph& graph, std::span<const std::uint32_t> labels, double resolution) {
    const std::size_t n = graph.num_nodes();
    if (labels.size() != n)
        throw input_error("modularity: labels has " + std::to_string(labels.size()) + " entries, the graph has " +
                          std::to_string(n) + " nodes");
    if (!std::isfinite(resolution)) throw input_error("modularity: resolution must be finite");
    // Labels are names: any values, made dense before anything is sized by them.
    const CompactLabels compact = compact_labels(labels);
    labels = compact.code;
    const std::size_t k = compact.count();
    // Same sums as networkx: L_c (weight of edges inside c, each once),
    // out/in strength per community, m = total edge weight.
    std::vector<double> inside(k, 0.0), out_strength(k, 0.0), in_strength(k, 0.0);
    double m = 0.0;
    graph.visit_weights([&](auto weights) {
        for (NodeId u = 0; u < n; ++u) {
            for (ArcId a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
                double w = 1.0;
                if constexpr (!std::is_same_v<decltype(weights), std::nullptr_t>) w = weights[a];
                const NodeId v = graph.arc_target(a);
                out_strength[labels[u]] += w;
                if (graph.directed()) {
                    in_strength[labels[v]] += w;
                    m += w;
                    if (labels[u] == labels[v]) inside[labels[u]] += w;
                } else if (u < v) {
                    m += w;
                    if (labels[u] == labels[v]) inside[labels[u]] += w;
                }
            }
        }
    });
    if (!(m > 0.0)) throw input_error("modularity: the graph has no edge weight, so modularity is undefined");
    double q = 0.0;
    if (graph.directed()) {
        const double norm = 1.0 / (m * m);
        for (std::size_t c = 0; c < k; ++c) q += inside[c] / m - resolution * out_strength[c] * in_strength[c] * norm;
    } else {
        const double norm = 1.0 / (4.0 * m * m);
        for (std::size_t c = 0; c < k; ++c)
            q += inside[c] / m - resolution * out_strength[c] * out_strength[c] * norm;
    }
    return q;
}

}  // namespace verbind
